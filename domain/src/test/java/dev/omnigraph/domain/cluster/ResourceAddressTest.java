package dev.omnigraph.domain.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResourceAddressTest {

    @Test
    void parsesEveryKindByPrefix() {
        assertEquals(new ResourceAddress.Graph("people"), ResourceAddress.parse("graph.people"));
        assertEquals(new ResourceAddress.Schema("people"), ResourceAddress.parse("schema.people"));
        assertEquals(new ResourceAddress.Query("people", "find.by.name"), ResourceAddress.parse("query.people.find.by.name"));
        assertEquals(new ResourceAddress.Policy("rules"), ResourceAddress.parse("policy.rules"));
        assertEquals(new ResourceAddress.EmbeddingProvider("default"), ResourceAddress.parse("provider.embedding.default"));
        assertInstanceOf(ResourceAddress.Unknown.class, ResourceAddress.parse("query.nodot"));
        assertInstanceOf(ResourceAddress.Unknown.class, ResourceAddress.parse("provider.other.x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"graph.g", "schema.g", "query.g.q", "policy.p", "provider.embedding.e", "weird"})
    void textRoundTrips(String text) {
        assertEquals(text, ResourceAddress.parse(text).text());
    }

    @Test
    void kindLabelsAndOwningGraph() {
        assertEquals("embedding_provider", ResourceAddress.parse("provider.embedding.e").kindLabel());
        assertEquals(Optional.of("g"), ResourceAddress.parse("query.g.q").owningGraph());
        assertEquals(Optional.empty(), ResourceAddress.parse("policy.p").owningGraph());
    }

    @Test
    void catalogPayloadLocationsAreFixedPerKind() {
        assertEquals(Optional.of("__cluster/resources/query/g/q/abc.gq"), ClusterLayout.catalogPayload("query.g.q", "abc"));
        assertEquals(Optional.of("__cluster/resources/policy/p/abc.yaml"), ClusterLayout.catalogPayload("policy.p", "abc"));
        assertTrue(ClusterLayout.catalogPayload("graph.g", "abc").isEmpty());
        assertFalse(ClusterLayout.hasCatalogPayload("schema.g"));
        assertEquals("s3://b/p/graphs/g.omni", ClusterLayout.graphRoot("s3://b/p", "g"));
        assertEquals("__cluster/recoveries/01OP.json", ClusterLayout.recoverySidecar("01OP"));
        assertEquals("__cluster/approvals/01AP.json", ClusterLayout.approvalArtifact("01AP"));
    }

    @Test
    void storageRootsAreTrimmedAndLoseTrailingSlashes() {
        assertEquals(Optional.of("s3://b/prefix"), ClusterLayout.normalizeStorageRoot("  s3://b/prefix//  "));
        assertEquals(Optional.empty(), ClusterLayout.normalizeStorageRoot("   "));
        assertTrue(ClusterLayout.isObjectStoreRoot("s3://b"));
        assertTrue(ClusterLayout.isObjectStoreRoot("az://b"));
        assertFalse(ClusterLayout.isObjectStoreRoot("/srv/og"));
    }

    @Test
    void dependenciesSortByFromThenTo() {
        assertTrue(new Dependency("query.g.a", "graph.g").compareTo(new Dependency("query.g.a", "schema.g")) < 0);
        assertTrue(new Dependency("policy.p", "graph.z").compareTo(new Dependency("query.a.b", "graph.a")) < 0);
    }
}
