package dev.omnigraph.domain.cluster.config;

import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.Dependency;
import dev.omnigraph.domain.cluster.ExternalBlobPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Why this exists: every file-free validation rule of the reference has a stable code and path
 * that automation matches on; each code is pinned here with the path it is reported at.
 */
class ClusterConfigValidatorTest {

    @Test
    void theExampleIsValidWithNormalisedBindingsAndEdges() {
        DeclaredCluster declared = ClusterConfigValidator.validate(ConfigFixtures.parse(ConfigFixtures.EXAMPLE));
        assertEquals(List.of(), declared.diagnostics());
        assertTrue(declared.ok());
        assertEquals(new ClusterSettings(true, Optional.of("s3://acme-omni/clusters/brain")), declared.settings());
        assertEquals(List.of("graph.archive", "graph.people"), declared.policies().get("graph_rules").bindings());
        assertEquals(new PolicyRuntime.Graph("people"), declared.policies().get("graph_rules").runtime());
        assertEquals(new PolicyRuntime.Server(), declared.policies().get("server_rules").runtime());
        assertEquals(Optional.of("provider.embedding.default"), declared.graphs().get("people").embeddingProvider());
        assertInstanceOf(ExternalBlobPolicy.Allow.class, declared.graphs().get("people").externalBlobPolicy());
        assertEquals(ExternalBlobPolicy.DENY, declared.graphs().get("archive").externalBlobPolicy());
        assertEquals(List.of(
                new Dependency("graph.people", "provider.embedding.default"),
                new Dependency("policy.graph_rules", "graph.archive"),
                new Dependency("policy.graph_rules", "graph.people"),
                new Dependency("schema.archive", "graph.archive"),
                new Dependency("schema.people", "graph.people")), List.copyOf(declared.dependencies()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"version\": 2}|unsupported_cluster_config_version|version",
            "{\"version\": 1, \"metadata\": {\"name\": \"  \"}}|empty_metadata_name|metadata.name",
            "{\"version\": 1, \"state\": {\"backend\": \"s3\"}}|unsupported_state_backend|state.backend",
            "{\"version\": 1, \"storage\": \"  \"}|invalid_storage_root|storage",
            "{\"version\": 1, \"storage\": \"s3:///\"}|invalid_storage_root|storage",
            "{\"version\": 1, \"storage\": \"az://\"}|invalid_storage_root|storage",
            "{\"version\": 1, \"graphs\": {\"9lives\": {\"schema\": \"g.pg\"}}}|invalid_resource_id|graphs.9lives",
            "{\"version\": 1, \"policies\": {\"bad.name\": {\"file\": \"p\", \"applies_to\": [\"cluster\"]}}}|invalid_resource_id|policies.bad.name",
            "{\"version\": 1, \"providers\": {\"embedding\": {\"a b\": {\"kind\": \"mock\"}}}}|invalid_resource_id|providers.embedding.a b",
            "{\"version\": 1, \"providers\": {\"embedding\": {\"d\": {\"kind\": \"cohere\", \"api_key\": \"${K}\"}}}}|invalid_embedding_provider|providers.embedding.d",
            "{\"version\": 1, \"providers\": {\"embedding\": {\"d\": {\"kind\": \"openai\", \"api_key\": \"sk-123\"}}}}|embedding_api_key_inline|providers.embedding.d.api_key",
            "{\"version\": 1, \"providers\": {\"embedding\": {\"d\": {\"kind\": \"mock\", \"api_key\": \"${ }\"}}}}|embedding_api_key_inline|providers.embedding.d.api_key",
            "{\"version\": 1, \"providers\": {\"embedding\": {\"d\": {\"model\": \"m\"}}}}|embedding_api_key_required|providers.embedding.d.api_key",
            "{\"version\": 1, \"graphs\": {\"g\": {\"schema\": \"g.pg\", \"embedding_provider\": \"policy.x\"}}}|wrong_kind_reference|graphs.g.embedding_provider",
            "{\"version\": 1, \"graphs\": {\"g\": {\"schema\": \"g.pg\", \"embedding_provider\": \"nope\"}}}|dangling_embedding_provider_reference|graphs.g.embedding_provider",
            "{\"version\": 1, \"policies\": {\"p\": {\"file\": \"p\", \"applies_to\": [\"query.g.q\"]}}}|wrong_kind_reference|policies.p.applies_to[0]",
            "{\"version\": 1, \"policies\": {\"p\": {\"file\": \"p\", \"applies_to\": [\"graph.ghost\"]}}}|dangling_graph_reference|policies.p.applies_to[0]",
            "{\"version\": 1, \"policies\": {\"p\": {\"file\": \"p\", \"applies_to\": []}}}|policy_missing_applies_to|policies.p.applies_to",
            "{\"version\": 1, \"graphs\": {\"g\": {\"schema\": \"g.pg\"}}, \"policies\": {\"p\": {\"file\": \"p\", \"applies_to\": [\"cluster\", \"g\"]}}}|policy_mixed_binding_kinds|policies.p.applies_to",
            "{\"version\": 1, \"policies\": {\"a\": {\"file\": \"p\", \"applies_to\": [\"cluster\"]}, \"b\": {\"file\": \"q\", \"applies_to\": [\"cluster\"]}}}|duplicate_policy_binding|policies.b.applies_to",
            "{\"version\": 1, \"graphs\": {\"g\": {\"schema\": \"g.pg\", \"external_blobs\": {\"allow\": [{\"base\": \"file:///srv\", \"scope\": \"server_safe\"}]}}}}|invalid_external_blob_base|graphs.g.external_blobs.allow[0].base",
            "{\"version\": 1, \"graphs\": {\"g\": {\"schema\": \"g.pg\", \"external_blobs\": {\"allow\": [{\"base\": \"s3://b/x\", \"scope\": \"server_safe\"}, {\"base\": \"s3://b/x/y\", \"scope\": \"server_safe\"}]}}}}|invalid_external_blob_policy|graphs.g.external_blobs.allow"})
    void eachRuleHasItsCodeAndPath(String json, String code, String path) {
        DeclaredCluster declared = ClusterConfigValidator.validate(ConfigFixtures.parse(json));
        assertTrue(declared.diagnostics().stream().anyMatch(d -> d.code().equals(code) && d.path().equals(path)
                && d.isError()), declared.diagnostics().toString());
        assertTrue(!declared.ok());
    }

    @Test
    void messagesMatchTheReference() {
        DeclaredCluster declared = ClusterConfigValidator.validate(ConfigFixtures.parse(
                "{\"version\": 1, \"policies\": {\"a\": {\"file\": \"p\", \"applies_to\": [\"cluster\"]}, "
                        + "\"b\": {\"file\": \"q\", \"applies_to\": [\"cluster\"]}}}"));
        assertEquals(List.of(ClusterDiagnostic.error(ClusterCodes.DUPLICATE_POLICY_BINDING, "policies.b.applies_to",
                "policy bundles `a` and `b` both bind `cluster`; merge them or leave exactly one bundle for that scope")),
                declared.diagnostics());
        assertEquals(List.of(ClusterDiagnostic.error(ClusterCodes.INVALID_RESOURCE_ID, "graphs.-x",
                "graph id `-x` must start with a letter or `_` and contain only ASCII letters, digits, `_`, or `-`")),
                ClusterConfigValidator.validate(ConfigFixtures.parse(
                        "{\"version\": 1, \"graphs\": {\"-x\": {\"schema\": \"g.pg\"}}}")).diagnostics());
    }

    @Test
    void mockProvidersNeedNoKeyAndKeysMayBeBracedReferencesWithBlanks() {
        DeclaredCluster declared = ClusterConfigValidator.validate(ConfigFixtures.parse(
                "{\"version\": 1, \"providers\": {\"embedding\": {\"m\": {\"kind\": \"mock\"}, "
                        + "\"g\": {\"kind\": \"gemini\", \"api_key\": \"  ${GEMINI_API_KEY} \"}}}}"));
        assertEquals(List.of(), declared.diagnostics());
    }

    @Test
    void bindingsAreSortedAndDeduplicatedAndUnboundBundlesHaveNoRuntime() {
        DeclaredCluster declared = ClusterConfigValidator.validate(ConfigFixtures.parse(
                "{\"version\": 1, \"graphs\": {\"b\": {\"schema\": \"b.pg\"}, \"a\": {\"schema\": \"a.pg\"}}, "
                        + "\"policies\": {\"p\": {\"file\": \"p\", \"applies_to\": [\"b\", \"graph.a\", \"graph.b\"]}, "
                        + "\"q\": {\"file\": \"q\", \"applies_to\": []}}}"));
        assertEquals(List.of("graph.a", "graph.b"), declared.policies().get("p").bindings());
        assertEquals(new PolicyRuntime.Graph("b"), declared.policies().get("p").runtime());
        assertEquals(new PolicyRuntime.Unbound(), declared.policies().get("q").runtime());
    }

    @Test
    void headerOnlyValidationGivesSettings() {
        ClusterConfigValidator.HeaderCheck header = ClusterConfigValidator.validateHeader(ConfigFixtures.parse(
                "{\"version\": 1, \"state\": {\"lock\": false}, \"storage\": \"/data/cluster/\"}"));
        assertEquals(new ClusterSettings(false, Optional.of("/data/cluster")), header.settings());
        assertEquals(List.of(), header.diagnostics());
    }

    @Test
    void idGrammar() {
        assertTrue(ClusterConfigValidator.isValidId("_a-b_9"));
        assertTrue(!ClusterConfigValidator.isValidId(""));
        assertTrue(!ClusterConfigValidator.isValidId("é"));
        assertTrue(!ClusterConfigValidator.isValidId("a.b"));
    }
}
