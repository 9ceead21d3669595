package dev.omnigraph.adapters.storage.objectstore.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Azure settings come from the {@code AZURE_STORAGE_*} variables (Azure CLI and object_store names
 * both), read from a map so that nothing depends on the environment of the test JVM. Each source of an
 * account, and the rule that plain HTTP must be asked for, is pinned.
 */
class AzureBlobPropertiesTest {

    @Test
    void emulator_mode_defaults_to_azurites_well_known_account_on_its_default_port() {
        AzureBlobProperties properties = AzureBlobProperties.fromEnvironment(Map.of("AZURE_STORAGE_USE_EMULATOR", "true"));
        assertEquals("devstoreaccount1", properties.accountName());
        assertEquals(URI.create("http://127.0.0.1:10000/devstoreaccount1"), properties.blobEndpoint());
        assertEquals(Optional.of(AzureBlobProperties.EMULATOR_ACCOUNT_KEY), properties.accountKey());
        assertTrue(properties.emulator());
        assertTrue(properties.plainHttp());
    }

    @Test
    void emulator_mode_follows_azurite_blob_storage_url() {
        AzureBlobProperties properties = AzureBlobProperties.fromEnvironment(Map.of(
                "AZURE_STORAGE_USE_EMULATOR", "1", "AZURITE_BLOB_STORAGE_URL", "http://127.0.0.1:41234/"));
        assertEquals(URI.create("http://127.0.0.1:41234/devstoreaccount1"), properties.blobEndpoint());
    }

    @Test
    void an_azurite_connection_string_is_understood() {
        AzureBlobProperties properties = AzureBlobProperties.fromEnvironment(Map.of("AZURE_STORAGE_CONNECTION_STRING",
                "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AzureBlobProperties.EMULATOR_ACCOUNT_KEY
                        + ";BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"));
        assertEquals("devstoreaccount1", properties.accountName());
        assertEquals(URI.create("http://127.0.0.1:10000/devstoreaccount1"), properties.blobEndpoint());
        assertTrue(properties.emulator());
        assertEquals(properties, AzureBlobProperties.fromEnvironment(
                Map.of("AZURE_STORAGE_CONNECTION_STRING", "UseDevelopmentStorage=true")));
    }

    @Test
    void a_cloud_connection_string_builds_the_blob_endpoint_from_account_and_suffix() {
        AzureBlobProperties properties = AzureBlobProperties.fromEnvironment(Map.of("AZURE_STORAGE_CONNECTION_STRING",
                "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=a2V5;EndpointSuffix=core.windows.net"));
        assertEquals(URI.create("https://acct.blob.core.windows.net"), properties.blobEndpoint());
        assertEquals(Optional.of("a2V5"), properties.accountKey());
        assertFalse(properties.emulator());
    }

    @Test
    void the_connection_string_wins_over_separate_variables() {
        AzureBlobProperties properties = AzureBlobProperties.fromEnvironment(Map.of(
                "AZURE_STORAGE_CONNECTION_STRING", "AccountName=fromstring;AccountKey=a2V5",
                "AZURE_STORAGE_ACCOUNT_NAME", "fromvariable", "AZURE_STORAGE_ACCOUNT_KEY", "b3RoZXI="));
        assertEquals("fromstring", properties.accountName());
    }

    @Test
    void account_and_key_come_from_either_naming_family() {
        AzureBlobProperties cli = AzureBlobProperties.fromEnvironment(Map.of("AZURE_STORAGE_ACCOUNT", "acct", "AZURE_STORAGE_KEY", "a2V5"));
        AzureBlobProperties objectStore = AzureBlobProperties.fromEnvironment(
                Map.of("AZURE_STORAGE_ACCOUNT_NAME", "acct", "AZURE_STORAGE_ACCOUNT_KEY", "a2V5"));
        assertEquals(cli, objectStore);
        assertEquals(URI.create("https://acct.blob.core.windows.net"), cli.blobEndpoint());
    }

    @Test
    void a_sas_token_is_a_credential_and_loses_its_leading_question_mark() {
        AzureBlobProperties properties = AzureBlobProperties.fromEnvironment(
                Map.of("AZURE_STORAGE_ACCOUNT_NAME", "acct", "AZURE_STORAGE_SAS_TOKEN", "?sv=2024&sig=abc"));
        assertEquals(Optional.of("sv=2024&sig=abc"), properties.sasToken());
        assertEquals(Optional.empty(), properties.accountKey());
    }

    @Test
    void without_an_account_or_credential_the_message_says_what_to_set() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> AzureBlobProperties.fromEnvironment(Map.of()));
        assertTrue(none.getMessage().contains("AZURE_STORAGE_CONNECTION_STRING"), none.getMessage());
        IllegalArgumentException noKey = assertThrows(IllegalArgumentException.class,
                () -> AzureBlobProperties.fromEnvironment(Map.of("AZURE_STORAGE_ACCOUNT_NAME", "acct")));
        assertTrue(noKey.getMessage().contains("AZURE_STORAGE_ACCOUNT_KEY"), noKey.getMessage());
    }

    @Test
    void a_plain_http_endpoint_variable_needs_azure_allow_http() {
        Map<String, String> http = Map.of("AZURE_STORAGE_ACCOUNT_NAME", "acct", "AZURE_STORAGE_ACCOUNT_KEY", "a2V5",
                "AZURE_STORAGE_ENDPOINT", "http://127.0.0.1:10000/acct");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> AzureBlobProperties.fromEnvironment(http));
        assertTrue(refused.getMessage().contains("AZURE_ALLOW_HTTP"), refused.getMessage());
        Map<String, String> allowed = new HashMap<>(http);
        allowed.put("AZURE_ALLOW_HTTP", "true");
        assertTrue(AzureBlobProperties.fromEnvironment(allowed).plainHttp());
    }

    @Test
    void secrets_never_appear_in_the_text_form() {
        String text = AzureBlobProperties.fromEnvironment(Map.of("AZURE_STORAGE_USE_EMULATOR", "true")).toString();
        assertFalse(text.contains(AzureBlobProperties.EMULATOR_ACCOUNT_KEY), text);
        assertTrue(text.contains("devstoreaccount1"), text);
    }
}
