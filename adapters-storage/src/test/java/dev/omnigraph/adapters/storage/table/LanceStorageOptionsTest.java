package dev.omnigraph.adapters.storage.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.adapters.storage.objectstore.UnsupportedStorageLocationException;
import dev.omnigraph.adapters.storage.objectstore.azure.AzureBlobProperties;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Lance reaches object storage through its own client (Rust object_store), configured by a map of options.
 * Those options must be derived from the very settings the object stores use, or a graph's tables and its
 * other files would end up on different endpoints or with different credentials. The exact keys are pinned
 * because Lance ignores keys it does not know, so a typo would only show as a connection to the wrong place.
 */
class LanceStorageOptionsTest {

    private static final Map<String, String> S3_EMULATOR = Map.of(
            "AWS_ENDPOINT_URL", "http://127.0.0.1:9000", "AWS_ALLOW_HTTP", "true",
            "AWS_ACCESS_KEY_ID", "ak", "AWS_SECRET_ACCESS_KEY", "sk");

    @Test
    void local_locations_become_absolute_paths_and_need_no_options_or_cloud_settings() {
        LanceStorageOptions options = LanceStorageOptions.fromEnvironment(Map.of());
        assertEquals(Path.of("graphs/g1").toAbsolutePath().toString(), options.uriOf("graphs/g1/"));
        assertEquals("/srv/og/nodes/person", options.uriOf("file:///srv/og/nodes/person"));
        assertEquals(Map.of(), options.optionsFor("/srv/og/nodes/person"));
        assertEquals(Map.of(), options.optionsFor("file:///srv/og/nodes/person"));
    }

    @Test
    void cloud_locations_keep_their_scheme_bucket_and_prefix() {
        LanceStorageOptions options = LanceStorageOptions.fromEnvironment(Map.of());
        assertEquals("s3://bucket/graphs/g1/nodes/person", options.uriOf("S3://bucket/graphs/g1/nodes/person/"));
        assertEquals("az://container/g1/__manifest", options.uriOf("az://container/g1/__manifest"));
        assertEquals("s3://bucket", options.uriOf("s3://bucket/"));
        assertThrows(UnsupportedStorageLocationException.class, () -> options.uriOf("gs://bucket/x"));
    }

    @Test
    void an_s3_compatible_endpoint_gives_endpoint_region_http_path_style_and_keys() {
        assertEquals(Map.of(
                        "aws_endpoint", "http://127.0.0.1:9000",
                        "aws_region", "us-east-1",
                        "allow_http", "true",
                        "aws_virtual_hosted_style_request", "false",
                        "aws_access_key_id", "ak",
                        "aws_secret_access_key", "sk"),
                LanceStorageOptions.fromEnvironment(S3_EMULATOR).optionsFor("s3://bucket/g1/nodes/person"));
    }

    @Test
    void aws_itself_gets_virtual_hosted_requests_and_no_region_unless_one_is_configured() {
        assertEquals(Map.of("aws_virtual_hosted_style_request", "true"),
                LanceStorageOptions.fromEnvironment(Map.of()).optionsFor("s3://bucket/g1"));
        assertEquals(Map.of("aws_virtual_hosted_style_request", "true", "aws_region", "eu-central-1",
                        "aws_access_key_id", "ak", "aws_secret_access_key", "sk", "aws_session_token", "st"),
                LanceStorageOptions.fromEnvironment(Map.of("AWS_REGION", "eu-central-1", "AWS_ACCESS_KEY_ID", "ak",
                        "AWS_SECRET_ACCESS_KEY", "sk", "AWS_SESSION_TOKEN", "st")).optionsFor("s3://bucket/g1"));
    }

    @Test
    void azurite_gets_the_account_key_and_an_endpoint_that_includes_the_account() {
        assertEquals(Map.of(
                        "azure_storage_account_name", "devstoreaccount1",
                        "azure_storage_account_key", AzureBlobProperties.EMULATOR_ACCOUNT_KEY,
                        "azure_storage_endpoint", "http://127.0.0.1:41234/devstoreaccount1",
                        "allow_http", "true"),
                LanceStorageOptions.fromEnvironment(Map.of("AZURE_STORAGE_USE_EMULATOR", "true",
                        "AZURITE_BLOB_STORAGE_URL", "http://127.0.0.1:41234")).optionsFor("az://container/g1"));
    }

    @Test
    void azure_with_a_sas_token_gets_the_sas_key_and_the_https_endpoint() {
        assertEquals(Map.of(
                        "azure_storage_account_name", "acct",
                        "azure_storage_sas_key", "sv=2024&sig=abc",
                        "azure_storage_endpoint", "https://acct.blob.core.windows.net"),
                LanceStorageOptions.fromEnvironment(Map.of("AZURE_STORAGE_ACCOUNT_NAME", "acct",
                        "AZURE_STORAGE_SAS_TOKEN", "sv=2024&sig=abc")).optionsFor("az://container/g1"));
    }

    @Test
    void explicit_options_win_over_derived_ones() {
        Map<String, String> merged = LanceStorageOptions.fromEnvironment(S3_EMULATOR)
                .optionsFor("s3://bucket/g1", Map.of("aws_region", "eu-west-1", "aws_s3_express", "false"));
        assertEquals("eu-west-1", merged.get("aws_region"));
        assertEquals("false", merged.get("aws_s3_express"));
        assertEquals("http://127.0.0.1:9000", merged.get("aws_endpoint"));
    }

    @Test
    void a_missing_cloud_configuration_only_fails_locations_of_that_cloud() {
        LanceStorageOptions options = LanceStorageOptions.fromEnvironment(S3_EMULATOR);
        assertEquals(Map.of(), options.optionsFor("/srv/og"));
        assertTrue(options.optionsFor("s3://bucket").containsKey("aws_endpoint"));
        IllegalArgumentException azure = assertThrows(IllegalArgumentException.class, () -> options.optionsFor("az://container/g1"));
        assertTrue(azure.getMessage().contains("AZURE_STORAGE"), azure.getMessage());
    }
}
