package dev.omnigraph.domain.cluster.config;

import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.EmbeddingProviderProfile;
import dev.omnigraph.domain.cluster.ExternalBlobScope;
import dev.omnigraph.domain.cluster.TestJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Why this exists: cluster.yaml is strict at every level in the reference (a typo must fail, not
 * be ignored), reserved and removed keys get their own codes, and the parsed semantics are what
 * the desired config digest — and therefore every approval — is bound to.
 */
class ClusterConfigReaderTest {

    @Test
    void readsTheExampleAsDeclared() {
        ClusterConfig config = ConfigFixtures.parse(ConfigFixtures.EXAMPLE);
        assertEquals(1, config.version());
        assertEquals(Optional.of("acme-brain"), config.metadataName());
        assertEquals(Optional.of(true), config.stateLock());
        assertEquals(List.of("archive", "people"), List.copyOf(config.graphs().keySet()));
        GraphDeclaration people = config.graphs().get("people");
        assertEquals(new QueriesDeclaration.Discover("queries/"), people.queries());
        assertEquals(List.of(new ExternalBlobBaseDeclaration("s3://acme-assets/people/", ExternalBlobScope.SERVER_SAFE)),
                people.externalBlobAllow());
        assertEquals(Map.of("find_old", "legacy/archive.gq"),
                ((QueriesDeclaration.Explicit) config.graphs().get("archive").queries()).files());
        assertEquals(new PolicyDeclaration("graph.policy.yaml", List.of("people", "graph.archive")),
                config.policies().get("graph_rules"));
        assertEquals(new EmbeddingProviderProfile(Optional.of("openai"), Optional.empty(),
                Optional.of("text-embedding-3-small"), Optional.of("${OPENAI_API_KEY}")),
                config.embeddingProviders().get("default"));
    }

    @Test
    void semanticJsonIsTheReferenceSerialisationOfTheParsedConfig() {
        assertEquals("{\"version\":1,\"metadata\":{\"name\":\"acme-brain\"},\"storage\":\"s3://acme-omni/clusters/brain\","
                        + "\"state\":{\"backend\":\"cluster\",\"lock\":true},\"providers\":{\"embedding\":{\"default\":"
                        + "{\"kind\":\"openai\",\"model\":\"text-embedding-3-small\",\"api_key\":\"${OPENAI_API_KEY}\"}}},"
                        + "\"graphs\":{\"archive\":{\"schema\":\"people.pg\",\"queries\":{\"find_old\":{\"file\":"
                        + "\"legacy/archive.gq\"}},\"embedding_provider\":null},\"people\":{\"schema\":\"people.pg\","
                        + "\"queries\":\"queries/\",\"embedding_provider\":\"default\",\"external_blobs\":{\"allow\":"
                        + "[{\"base\":\"s3://acme-assets/people/\",\"scope\":\"server_safe\"}]}}},\"policies\":"
                        + "{\"graph_rules\":{\"file\":\"graph.policy.yaml\",\"applies_to\":[\"people\",\"graph.archive\"]},"
                        + "\"server_rules\":{\"file\":\"server.policy.yaml\",\"applies_to\":[\"cluster\"]}}}",
                ConfigFixtures.parse(ConfigFixtures.EXAMPLE).toSemanticJson().toString());
    }

    @Test
    void minimalConfigDefaultsEverythingAndAnEmptyQueriesMapIsTheDefault() {
        ClusterConfig config = ConfigFixtures.parse("{\"version\": 1, \"graphs\": {\"g\": {\"schema\": \"g.pg\"}}}");
        assertEquals("{\"version\":1,\"metadata\":{\"name\":null},\"storage\":null,\"state\":{\"backend\":null,"
                        + "\"lock\":null},\"providers\":{\"embedding\":{}},\"graphs\":{\"g\":{\"schema\":\"g.pg\","
                        + "\"queries\":{},\"embedding_provider\":null}},\"policies\":{}}",
                config.toSemanticJson().toString());
    }

    @Test
    void queriesAcceptAListOfPathsAndProviderIsAnAliasOfKind() {
        ClusterConfig config = ConfigFixtures.parse("{\"version\": 1, \"providers\": {\"embedding\": {\"m\": "
                + "{\"provider\": \"mock\"}}}, \"graphs\": {\"g\": {\"schema\": \"g.pg\", \"queries\": [\"a/\", \"b.gq\"]}}}");
        assertEquals(new QueriesDeclaration.DiscoverMany(List.of("a/", "b.gq")), config.graphs().get("g").queries());
        assertEquals(Optional.of("mock"), config.embeddingProviders().get("m").kind());
        assertEquals("{\"kind\":\"mock\"}", config.embeddingProviders().get("m").toJson().toString());
    }

    @Test
    void keysWithoutValuesReadAsEmpty() {
        ClusterConfig config = ConfigFixtures.parse("{\"version\": 1, \"metadata\": null, \"graphs\": null, "
                + "\"policies\": null, \"providers\": {\"embedding\": null}}");
        assertTrue(config.graphs().isEmpty());
        assertTrue(config.metadataName().isEmpty());
    }

    static List<String> reservedKeys() {
        return ClusterConfigReader.FUTURE_PHASE_FIELDS;
    }

    @ParameterizedTest
    @MethodSource("reservedKeys")
    void reservedTopLevelKeysAreFuturePhaseFields(String key) {
        List<ClusterDiagnostic> diagnostics = rejected("{\"version\": 1, \"" + key + "\": {}}");
        assertEquals(List.of(ClusterDiagnostic.error(ClusterCodes.FUTURE_PHASE_FIELD, key,
                "`" + key + "` is reserved for a later cluster-control phase")), diagnostics);
    }

    @Test
    void streamingIsARemovedDeclaration() {
        List<ClusterDiagnostic> diagnostics = rejected(
                "{\"version\": 1, \"graphs\": {\"g\": {\"schema\": \"g.pg\", \"streaming\": {}}}}");
        assertEquals(1, diagnostics.size());
        assertEquals(ClusterCodes.REMOVED_STREAMING_DECLARATION, diagnostics.get(0).code());
        assertEquals("graphs.g.streaming", diagnostics.get(0).path());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"version\": 1, \"extra\": 1}|unknown field `extra`, expected one of `version`, `metadata`",
            "{\"version\": 1, \"metadata\": {\"name\": \"x\", \"owner\": \"y\"}}|metadata: unknown field `owner`, expected `name`",
            "{\"version\": 1, \"state\": {\"locking\": true}}|state: unknown field `locking`",
            "{\"version\": 1, \"providers\": {\"rerank\": {}}}|providers: unknown field `rerank`, expected `embedding`",
            "{\"version\": 1, \"providers\": {\"embedding\": {\"d\": {\"token\": \"x\"}}}}|providers.embedding.d: unknown field `token`",
            "{\"version\": 1, \"graphs\": {\"g\": {\"schema\": \"g.pg\", \"extra\": 1}}}|graphs.g: unknown field `extra`, expected one of `schema`, `queries`, `embedding_provider`, `external_blobs`",
            "{\"version\": 1, \"graphs\": {\"g\": {\"schema\": \"g.pg\", \"external_blobs\": {\"deny\": []}}}}|graphs.g.external_blobs: unknown field `deny`, expected `allow`",
            "{\"version\": 1, \"graphs\": {\"g\": {\"schema\": \"g.pg\", \"external_blobs\": {\"allow\": [{\"base\": \"s3://b/\", \"scope\": \"server_safe\", \"x\": 1}]}}}}|graphs.g.external_blobs.allow[0]: unknown field `x`",
            "{\"version\": 1, \"graphs\": {\"g\": {\"schema\": \"g.pg\", \"queries\": {\"q\": {\"file\": \"q.gq\", \"x\": 1}}}}}|graphs.g.queries: data did not match any variant of untagged enum QueriesDecl",
            "{\"version\": 1, \"policies\": {\"p\": {\"file\": \"p.yaml\", \"applies_to\": [\"cluster\"], \"x\": 1}}}|policies.p: unknown field `x`, expected `file` or",
            "{\"metadata\": {}}|missing field `version`",
            "{\"version\": \"1\"}|version: invalid type: string \"1\", expected u32",
            "{\"version\": -1}|version: invalid value: integer `-1`, expected u32",
            "{\"version\": 1, \"state\": {\"lock\": \"no\"}}|state.lock: invalid type: string \"no\", expected a boolean",
            "{\"version\": 1, \"graphs\": {\"g\": {}}}|graphs.g: missing field `schema`",
            "{\"version\": 1, \"graphs\": {\"g\": {\"schema\": \"g.pg\", \"external_blobs\": {\"allow\": [{\"base\": \"s3://b/\", \"scope\": \"public\"}]}}}}|unknown variant `public`, expected `server_safe` or `embedded_only`",
            "{\"version\": 1, \"policies\": {\"p\": {\"file\": \"p.yaml\"}}}|policies.p: missing field `applies_to`",
            "{\"version\": 1, \"providers\": {\"embedding\": {\"d\": {\"kind\": \"mock\", \"provider\": \"mock\"}}}}|duplicate field `kind`",
            "[1]|invalid type: sequence, expected struct RawClusterConfig"})
    void shapeErrorsAreInvalidClusterYamlNamingTheLocation(String json, String messageFragment) {
        List<ClusterDiagnostic> diagnostics = rejected(json);
        assertTrue(diagnostics.stream().allMatch(d -> d.code().equals(ClusterCodes.INVALID_CLUSTER_YAML)
                && d.path().equals("cluster.yaml") && d.isError()), diagnostics.toString());
        assertTrue(diagnostics.stream().anyMatch(d -> d.message().startsWith("could not parse cluster.yaml: ")
                && d.message().contains(messageFragment)), diagnostics.toString());
    }

    @Test
    void everyUnknownKeyOfTheDocumentIsReported() {
        List<ClusterDiagnostic> diagnostics = rejected("{\"version\": 1, \"a\": 1, \"graphs\": {\"g\": "
                + "{\"schema\": \"g.pg\", \"b\": 1}}, \"policies\": {\"p\": {\"file\": \"f\", \"applies_to\": [], \"c\": 1}}}");
        assertEquals(3, diagnostics.size(), diagnostics.toString());
    }

    @Test
    void rawTextChecksRunFirstAndStopReading() {
        String text = "version: 1\nversion: 2\n";
        ConfigRead read = ClusterConfigReader.read(text, TestJson.parse("{\"version\": 2}"), null);
        List<ClusterDiagnostic> diagnostics = ((ConfigRead.Rejected) read).diagnostics();
        assertEquals(List.of(ClusterDiagnostic.error(ClusterCodes.DUPLICATE_YAML_KEY, "version",
                "duplicate YAML key `version` on line 2")), diagnostics);
    }

    @Test
    void unparseableYamlIsInvalidClusterYaml() {
        ConfigRead read = ClusterConfigReader.read("version: [", null, "did not find expected node content");
        assertEquals(List.of(ClusterDiagnostic.error(ClusterCodes.INVALID_CLUSTER_YAML, "cluster.yaml",
                "could not parse cluster.yaml: did not find expected node content")),
                ((ConfigRead.Rejected) read).diagnostics());
        assertInstanceOf(ConfigRead.Parsed.class, ClusterConfigReader.read("version: 1\n", TestJson.parse("{\"version\":1}"),
                null));
    }

    private static List<ClusterDiagnostic> rejected(String json) {
        ConfigRead read = ClusterConfigReader.read(TestJson.parse(json));
        assertInstanceOf(ConfigRead.Rejected.class, read, json);
        return ((ConfigRead.Rejected) read).diagnostics();
    }
}
