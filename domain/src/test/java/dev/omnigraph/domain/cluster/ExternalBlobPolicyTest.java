package dev.omnigraph.domain.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Why this exists: the normalised base URI is persisted in the ledger and hashed into the graph
 * composite, and the rejection rules are a security boundary (no credentials, traversal,
 * ambiguous encodings, server-side file access).
 */
class ExternalBlobPolicyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "s3://Bucket/a/b|s3://bucket/a/b/",
            "S3://bucket/a/b/|s3://bucket/a/b/",
            "s3://bucket/a%20b/c~d|s3://bucket/a%20b/c~d/",
            "s3://bucket/a b/é|s3://bucket/a%20b/%C3%A9/",
            "s3://bucket/%7euser|s3://bucket/~user/",
            "s3://bucket/|s3://bucket/"})
    void serverSafeBasesNormalise(String raw, String normalised) {
        assertEquals(new ExternalBlobBase(normalised, ExternalBlobScope.SERVER_SAFE),
                ExternalBlobBase.of(raw, ExternalBlobScope.SERVER_SAFE).orElseThrow());
    }

    @Test
    void embeddedOnlyMayNameALocalDirectoryButServerSafeMayNot() {
        assertEquals("file:///srv/assets/",
                ExternalBlobBase.of("file:///srv/assets", ExternalBlobScope.EMBEDDED_ONLY).orElseThrow().uri());
        assertRejected("file:///srv/assets", ExternalBlobScope.SERVER_SAFE, "may not use file://");
        assertRejected("file://host/srv", ExternalBlobScope.EMBEDDED_ONLY, "may not contain a host");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "' s3://b/x'|surrounding whitespace",
            "''|non-empty",
            "s3://b\\x|backslashes",
            "s3://b/a/../c|dot path component",
            "s3://b/a/%2e%2E/c|dot path component",
            "s3://b/a%2Fb|encoded separator",
            "s3://b/a%zz|invalid percent escape",
            "s3://b/a%2|incomplete percent escape",
            "s3://user:pw@b/x|user-info credentials",
            "s3://b/x?y=1|query or fragment",
            "s3://b/x#frag|query or fragment",
            "s3://b:9000/x|explicit port",
            "s3:///x|must contain a bucket",
            "s3://b|absolute path",
            "s3://b/a//c|ambiguous empty path component",
            "http://b/x|scheme 'http' is not supported",
            "s3:b/x|hierarchical storage scheme",
            "relative/path|not a valid absolute URI"})
    void unsafeOrAmbiguousBasesAreRejected(String raw, String reason) {
        assertRejected(raw, ExternalBlobScope.EMBEDDED_ONLY, reason);
    }

    @Test
    void allowSortsBasesAndRejectsOverlapsAndEmptyLists() {
        ExternalBlobBase b = new ExternalBlobBase("s3://b/y/", ExternalBlobScope.SERVER_SAFE);
        ExternalBlobBase a = new ExternalBlobBase("s3://b/x/", ExternalBlobScope.EMBEDDED_ONLY);
        assertEquals(new ExternalBlobPolicy.Allow(List.of(a, b)), ExternalBlobPolicy.allow(List.of(b, a)).orElseThrow());
        Checked<ExternalBlobPolicy> overlap = ExternalBlobPolicy.allow(List.of(
                new ExternalBlobBase("s3://b/x/", ExternalBlobScope.SERVER_SAFE),
                new ExternalBlobBase("s3://b/x/y/", ExternalBlobScope.SERVER_SAFE)));
        assertTrue(((Checked.Rejected<ExternalBlobPolicy>) overlap).reason().contains("overlap"));
        assertInstanceOf(Checked.Rejected.class, ExternalBlobPolicy.allow(List.of()));
        assertInstanceOf(Checked.Accepted.class, ExternalBlobPolicy.allow(List.of(
                new ExternalBlobBase("s3://b/x/", ExternalBlobScope.SERVER_SAFE),
                new ExternalBlobBase("s3://c/x/", ExternalBlobScope.SERVER_SAFE))));
    }

    @Test
    void persistedJsonIsInternallyTaggedAndDenyIsOmittedFromTheLedger() {
        ExternalBlobPolicy allow = new ExternalBlobPolicy.Allow(
                List.of(new ExternalBlobBase("s3://b/x/", ExternalBlobScope.SERVER_SAFE)));
        assertEquals("{\"mode\":\"allow\",\"bases\":[{\"uri\":\"s3://b/x/\",\"scope\":\"server_safe\"}]}",
                allow.toJson().toString());
        assertEquals("{\"mode\":\"deny\"}", ExternalBlobPolicy.DENY.toJson().toString());
        assertTrue(ExternalBlobPolicy.DENY.persisted().isEmpty());
        assertEquals(allow, allow.persisted().orElseThrow());
    }

    @Test
    void serversKeepOnlyServerSafeBases() {
        ExternalBlobBase embedded = new ExternalBlobBase("file:///srv/", ExternalBlobScope.EMBEDDED_ONLY);
        ExternalBlobBase safe = new ExternalBlobBase("s3://b/x/", ExternalBlobScope.SERVER_SAFE);
        assertEquals(new ExternalBlobPolicy.Allow(List.of(safe)),
                new ExternalBlobPolicy.Allow(List.of(embedded, safe)).serverSafeOnly());
        assertEquals(ExternalBlobPolicy.DENY, new ExternalBlobPolicy.Allow(List.of(embedded)).serverSafeOnly());
    }

    @Test
    void readRejectsUnknownFieldsAndUnknownModes() {
        StrictDocumentReader reader = new StrictDocumentReader();
        ExternalBlobPolicy.read(reader, TestJson.parse("{\"mode\":\"deny\",\"bases\":[]}"), "p");
        assertTrue(reader.problems().get(0).contains("unknown field `bases`"), reader.problems().toString());
        StrictDocumentReader second = new StrictDocumentReader();
        ExternalBlobPolicy.read(second, TestJson.parse("{\"mode\":\"maybe\"}"), "p");
        assertTrue(second.problems().get(0).contains("unknown variant `maybe`"), second.problems().toString());
    }

    private static void assertRejected(String raw, ExternalBlobScope scope, String reasonFragment) {
        Checked<ExternalBlobBase> result = ExternalBlobBase.of(raw, scope);
        assertInstanceOf(Checked.Rejected.class, result, raw);
        String reason = ((Checked.Rejected<ExternalBlobBase>) result).reason();
        assertTrue(reason.contains(reasonFragment), reason);
        assertTrue(reason.startsWith("external blob URI '<redacted>' is not allowed: ")
                || reason.startsWith("resource limit"), reason);
    }
}
