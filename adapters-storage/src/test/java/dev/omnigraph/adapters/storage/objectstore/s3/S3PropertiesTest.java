package dev.omnigraph.adapters.storage.objectstore.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The S3 settings come from the standard AWS variables, read from a map so that nothing depends on the
 * environment of the test JVM. A wrong reading here sends credentials to the wrong place or in clear text,
 * so each rule is pinned.
 */
class S3PropertiesTest {

    private static final Map<String, String> EMULATOR = Map.of(
            "AWS_ENDPOINT_URL", "http://127.0.0.1:9000",
            "AWS_ALLOW_HTTP", "true",
            "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
            "AWS_SECRET_ACCESS_KEY", "s3cr3t");

    @Test
    void an_empty_environment_means_aws_with_the_default_credential_chain() {
        S3Properties properties = S3Properties.fromEnvironment(Map.of());
        assertEquals(Optional.empty(), properties.endpoint());
        assertEquals(Optional.empty(), properties.region());
        assertEquals("us-east-1", properties.signingRegion());
        assertEquals(Optional.empty(), properties.credentials());
        assertFalse(properties.forcePathStyle());
        assertFalse(properties.allowHttp());
        assertFalse(properties.checksumsOnlyWhenRequired());
        assertEquals(OptionalInt.empty(), properties.maxAttempts());
    }

    @Test
    void a_custom_endpoint_implies_path_style_and_checksums_only_when_required() {
        S3Properties properties = S3Properties.fromEnvironment(EMULATOR);
        assertEquals(Optional.of(URI.create("http://127.0.0.1:9000")), properties.endpoint());
        assertTrue(properties.forcePathStyle());
        assertTrue(properties.checksumsOnlyWhenRequired());
        assertTrue(properties.allowHttp());
        assertEquals("AKIDEXAMPLE", properties.credentials().orElseThrow().accessKeyId());
        assertEquals(Optional.empty(), properties.credentials().orElseThrow().sessionToken());
    }

    @Test
    void explicit_settings_override_what_the_endpoint_implies() {
        S3Properties properties = S3Properties.fromEnvironment(with(EMULATOR,
                "AWS_S3_FORCE_PATH_STYLE", "false", "AWS_REQUEST_CHECKSUM_CALCULATION", "WHEN_SUPPORTED",
                "AWS_MAX_ATTEMPTS", "7", "AWS_SESSION_TOKEN", "token"));
        assertFalse(properties.forcePathStyle());
        assertFalse(properties.checksumsOnlyWhenRequired());
        assertEquals(OptionalInt.of(7), properties.maxAttempts());
        assertEquals(Optional.of("token"), properties.credentials().orElseThrow().sessionToken());
    }

    @Test
    void the_service_specific_endpoint_and_the_primary_region_variable_win() {
        S3Properties properties = S3Properties.fromEnvironment(Map.of(
                "AWS_ENDPOINT_URL", "https://general.example", "AWS_ENDPOINT_URL_S3", "https://s3.example",
                "AWS_DEFAULT_REGION", "eu-west-1", "AWS_REGION", "eu-central-1"));
        assertEquals(Optional.of(URI.create("https://s3.example")), properties.endpoint());
        assertEquals("eu-central-1", properties.signingRegion());
        assertEquals("eu-west-1", S3Properties.fromEnvironment(Map.of("AWS_DEFAULT_REGION", "eu-west-1")).signingRegion());
    }

    @Test
    void a_plain_http_endpoint_needs_aws_allow_http() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> S3Properties.fromEnvironment(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:9000")));
        assertTrue(refused.getMessage().contains("AWS_ALLOW_HTTP"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> S3Properties.fromEnvironment(
                Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:9000", "AWS_ALLOW_HTTP", "false")));
    }

    @Test
    void malformed_or_half_given_settings_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> S3Properties.fromEnvironment(Map.of("AWS_ACCESS_KEY_ID", "ak")));
        assertThrows(IllegalArgumentException.class, () -> S3Properties.fromEnvironment(Map.of("AWS_SECRET_ACCESS_KEY", "sk")));
        assertThrows(IllegalArgumentException.class, () -> S3Properties.fromEnvironment(Map.of("AWS_ALLOW_HTTP", "maybe")));
        assertThrows(IllegalArgumentException.class, () -> S3Properties.fromEnvironment(Map.of("AWS_MAX_ATTEMPTS", "0")));
        assertThrows(IllegalArgumentException.class, () -> S3Properties.fromEnvironment(Map.of("AWS_MAX_ATTEMPTS", "many")));
        assertThrows(IllegalArgumentException.class, () -> S3Properties.fromEnvironment(Map.of("AWS_ENDPOINT_URL", "ftp://host")));
        assertThrows(IllegalArgumentException.class,
                () -> S3Properties.fromEnvironment(Map.of("AWS_REQUEST_CHECKSUM_CALCULATION", "always")));
    }

    @Test
    void secrets_never_appear_in_the_text_form() {
        String text = S3Properties.fromEnvironment(with(EMULATOR, "AWS_SESSION_TOKEN", "the-token")).toString();
        assertFalse(text.contains("s3cr3t"), text);
        assertFalse(text.contains("the-token"), text);
        assertTrue(text.contains("AKIDEXAMPLE"), text);
    }

    private static Map<String, String> with(Map<String, String> base, String... pairs) {
        HashMap<String, String> result = new HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            result.put(pairs[i], pairs[i + 1]);
        }
        return result;
    }
}
