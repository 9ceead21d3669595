package dev.omnigraph.domain.cluster;

import dev.omnigraph.domain.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Why this exists: resource digests are persisted in the ledger and bound into approval
 * artifacts, so they must be byte-for-byte the reference's. The expected values were computed
 * with an independent SHA-256 (Python hashlib) over the NUL-separated inputs the reference
 * hashes; a change here breaks every existing ledger.
 */
class ResourceDigestsTest {

    private static final ExternalBlobPolicy PEOPLE_ASSETS = new ExternalBlobPolicy.Allow(
            List.of(new ExternalBlobBase("s3://acme-assets/people/", ExternalBlobScope.SERVER_SAFE)));

    @Test
    void graphCompositeCoversSchemaQueriesByNameProviderAndNonDenyPolicy() {
        assertEquals("352dfce06180b023f55bf08fe0f31db7d65d6100e446c89fe49da78e30103d0c",
                ResourceDigests.graphComposite("people", Optional.of("s1"), Map.of("find", "q1", "all", "q0"),
                        Optional.of("provider.embedding.default"), Optional.of("p1"), PEOPLE_ASSETS));
    }

    @Test
    void graphCompositeOmitsDenyAndAbsentParts() {
        assertEquals("2e52735531f8b371e00a4710c3c6aa8a67d9925b39d1063c3c30a136421d58ce",
                ResourceDigests.graphComposite("k", Optional.empty(), Map.of(), Optional.empty(), Optional.empty(),
                        ExternalBlobPolicy.DENY));
    }

    @Test
    void graphCompositeIsSensitiveToEveryPart() {
        String base = ResourceDigests.graphComposite("k", Optional.of("s"), Map.of("q", "d"), Optional.empty(),
                Optional.empty(), ExternalBlobPolicy.DENY);
        assertNotEquals(base, ResourceDigests.graphComposite("k", Optional.of("s2"), Map.of("q", "d"), Optional.empty(),
                Optional.empty(), ExternalBlobPolicy.DENY));
        assertNotEquals(base, ResourceDigests.graphComposite("k", Optional.of("s"), Map.of("q", "d2"), Optional.empty(),
                Optional.empty(), ExternalBlobPolicy.DENY));
        assertNotEquals(base, ResourceDigests.graphComposite("k", Optional.of("s"), Map.of("q", "d"),
                Optional.of("provider.embedding.p"), Optional.empty(), ExternalBlobPolicy.DENY));
        assertNotEquals(base, ResourceDigests.graphComposite("k", Optional.of("s"), Map.of("q", "d"), Optional.empty(),
                Optional.empty(), PEOPLE_ASSETS));
    }

    @Test
    void embeddingProviderDigestHashesTheProfileJsonWithAbsentFieldsOmitted() {
        EmbeddingProviderProfile profile = new EmbeddingProviderProfile(Optional.of("openai"), Optional.empty(),
                Optional.of("text-embedding-3-small"), Optional.of("${OPENAI_API_KEY}"));
        assertEquals("8af351e0e74aaa3176740cee790a560c784580673369368d7d496636e03e3685",
                ResourceDigests.embeddingProvider(profile));
    }

    @Test
    void configDigestHashesSemanticsThenResourcesByAddress() {
        JsonValue semantics = TestJson.parse("{\"version\":1,\"metadata\":{\"name\":null},\"storage\":null,"
                + "\"state\":{\"backend\":null,\"lock\":null},\"providers\":{\"embedding\":{}},\"graphs\":{},"
                + "\"policies\":{}}");
        assertEquals("fb561793b5776192ea3013b4c012ced56cf501f647c2c626c3d165ec2b49a343",
                ResourceDigests.config(semantics, Map.of("schema.a", "d2", "graph.a", "d1")));
    }

    @Test
    void casTokenIsPrefixedHexOfTheExactText() {
        assertEquals("sha256:" + Sha256.hex("{}\n"), Sha256.casToken("{}\n"));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.hex(""));
    }
}
