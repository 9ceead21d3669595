package dev.omnigraph.adapters.storage.objectstore;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.adapters.storage.objectstore.s3.S3ObjectStores;
import dev.omnigraph.adapters.storage.objectstore.s3.S3Properties;
import dev.omnigraph.adapters.storage.objectstore.s3.S3ProxyServer;
import dev.omnigraph.ports.out.ObjectKey;
import dev.omnigraph.ports.out.ObjectStore;
import dev.omnigraph.ports.out.ObjectStoreLocator;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every storage location a user can write is turned into a store in one place. These tests pin which
 * schemes are served, that a cloud's configuration is only demanded by locations of that cloud (a local
 * graph must not need AWS settings), and that a located S3 store really reaches the bucket.
 */
class ObjectStoresTest {

    private static final Map<String, String> EMULATORS = Map.of(
            "AWS_ENDPOINT_URL", "http://127.0.0.1:9", "AWS_ALLOW_HTTP", "true",
            "AWS_ACCESS_KEY_ID", "ak", "AWS_SECRET_ACCESS_KEY", "sk",
            "AZURE_STORAGE_USE_EMULATOR", "true", "AZURITE_BLOB_STORAGE_URL", "http://127.0.0.1:9");

    @TempDir
    Path folder;

    @Test
    void each_scheme_opens_its_adapter_at_the_named_root() throws Exception {
        try (UriObjectStoreLocator locator = new UriObjectStoreLocator(EMULATORS)) {
            assertEquals("s3://bucket/graphs/g1", locator.locate("s3://bucket/graphs/g1/").location());
            assertEquals("s3://bucket", locator.locate("S3://bucket").location());
            assertEquals("az://container/graphs/g1", locator.locate("az://container/graphs/g1").location());
            assertEquals(folder.toUri().toString(), locator.locate(folder.toString()).location());
            assertEquals(folder.toUri().toString(), locator.locate(folder.toUri().toString()).location());
        }
    }

    @Test
    void unknown_schemes_and_malformed_locations_are_refused_with_the_supported_list() {
        ObjectStoreLocator locator = ObjectStores.locator(EMULATORS);
        UnsupportedStorageLocationException gcs = assertThrows(UnsupportedStorageLocationException.class, () -> locator.locate("gs://bucket/x"));
        assertTrue(gcs.getMessage().contains("s3://") && gcs.getMessage().contains("az://"), gcs.getMessage());
        assertThrows(UnsupportedStorageLocationException.class, () -> locator.locate("s3://"));
        assertThrows(UnsupportedStorageLocationException.class, () -> locator.locate("s3:///prefix"));
        assertThrows(UnsupportedStorageLocationException.class, () -> locator.locate("s3://bucket/a//b"));
        assertThrows(UnsupportedStorageLocationException.class, () -> locator.locate("az://container/a/../b"));
        assertThrows(UnsupportedStorageLocationException.class, () -> locator.locate(""));
    }

    @Test
    void a_cloud_is_configured_only_when_one_of_its_locations_is_opened() {
        ObjectStoreLocator unconfigured = ObjectStores.locator(Map.of("AWS_ENDPOINT_URL", "http://insecure.example"));
        assertEquals(folder.toUri().toString(), unconfigured.locate(folder.toString()).location());
        IllegalArgumentException s3 = assertThrows(IllegalArgumentException.class, () -> unconfigured.locate("s3://bucket/x"));
        assertTrue(s3.getMessage().contains("AWS_ALLOW_HTTP"), s3.getMessage());
        IllegalArgumentException azure = assertThrows(IllegalArgumentException.class, () -> unconfigured.locate("az://container/x"));
        assertTrue(azure.getMessage().contains("AZURE_STORAGE_CONNECTION_STRING"), azure.getMessage());
    }

    @Test
    void a_located_s3_store_reaches_the_bucket_and_another_locator_sees_its_writes() throws Exception {
        try (S3ProxyServer server = S3ProxyServer.start();
             S3ObjectStores admin = S3ObjectStores.connect(S3Properties.fromEnvironment(server.environment()));
             UriObjectStoreLocator first = new UriObjectStoreLocator(server.environment());
             UriObjectStoreLocator second = new UriObjectStoreLocator(server.environment())) {
            String bucket = server.newBucket(admin);
            ObjectStore store = first.locate("s3://" + bucket + "/graphs/g1");
            store.putIfAbsent(new ObjectKey("__cluster/lock.json"), "held".getBytes(UTF_8));
            assertEquals("held", second.locate("s3://" + bucket + "/graphs/g1").get(new ObjectKey("__cluster/lock.json")).text());
            assertEquals("held", admin.open(bucket, "").get(new ObjectKey("graphs/g1/__cluster/lock.json")).text());
        }
    }
}
