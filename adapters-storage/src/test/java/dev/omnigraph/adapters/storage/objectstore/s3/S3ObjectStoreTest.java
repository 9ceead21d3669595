package dev.omnigraph.adapters.storage.objectstore.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.ports.out.ObjectKey;
import dev.omnigraph.ports.out.ObjectStore;
import dev.omnigraph.ports.out.ObjectStoreContract;
import dev.omnigraph.ports.out.StorageUnavailableException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * S3 passes the whole {@link ObjectStoreContract} against a real S3 server (S3Proxy in this JVM), races
 * included: the cluster ledger and lock rely on S3's conditional writes, so they are exercised on the wire,
 * not simulated. Every store gets a fresh bucket and sits below a two-segment prefix, so prefix handling is
 * part of every contract test.
 */
class S3ObjectStoreTest extends ObjectStoreContract {

    private static S3ProxyServer server;
    private static S3ObjectStores stores;

    private final Map<ObjectStore, String> buckets = new HashMap<>();
    private final Map<ObjectStore, S3ObjectStores> otherClientsByStore = new HashMap<>();

    @BeforeAll
    static void startServer() throws Exception {
        server = S3ProxyServer.start();
        stores = S3ObjectStores.connect(S3Properties.fromEnvironment(server.environment()));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (stores != null) {
            stores.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected ObjectStore newStore() {
        String bucket = server.newBucket(stores);
        ObjectStore store = stores.open(bucket, "graphs/g1");
        buckets.put(store, bucket);
        return store;
    }

    /** A second client with its own connection pool, as another process would have. */
    @Override
    protected ObjectStore anotherInstanceOnSameRoot(ObjectStore store) {
        S3ObjectStores otherClients = S3ObjectStores.connect(S3Properties.fromEnvironment(server.environment()));
        ObjectStore other = otherClients.open(buckets.get(store), "graphs/g1");
        otherClientsByStore.put(other, otherClients);
        return other;
    }

    @Override
    protected void release(ObjectStore released) {
        S3ObjectStores clients = otherClientsByStore.remove(released);
        if (clients != null) {
            clients.close();
        }
    }

    @Test
    void the_location_names_bucket_and_prefix() {
        assertEquals("s3://" + buckets.get(store) + "/graphs/g1", store.location());
        assertEquals("s3://" + buckets.get(store), stores.open(buckets.get(store), "").location());
    }

    @Test
    void objects_live_below_the_prefix_and_sibling_prefixes_stay_invisible() {
        String bucket = buckets.get(store);
        ObjectStore sibling = stores.open(bucket, "graphs/g10");
        ObjectStore bucketRoot = stores.open(bucket, "");
        store.put(new ObjectKey("a/one"), "1".getBytes(UTF_8));
        sibling.put(new ObjectKey("a/two"), "2".getBytes(UTF_8));

        assertEquals(List.of(new ObjectKey("a/one")), store.list(""));
        assertEquals(List.of(new ObjectKey("a/two")), sibling.list(""));
        assertEquals(List.of(new ObjectKey("graphs/g1/a/one"), new ObjectKey("graphs/g10/a/two")), bucketRoot.list("graphs/"));
        assertEquals("1", bucketRoot.get(new ObjectKey("graphs/g1/a/one")).text());
        assertFalse(sibling.exists(new ObjectKey("a/one")));
    }

    @Test
    void names_that_are_not_keys_are_left_out_of_listings() {
        stores.client().putObject(b -> b.bucket(buckets.get(store)).key("graphs/g1/folder/"), RequestBody.fromString(""));
        store.put(new ObjectKey("folder/file"), "x".getBytes(UTF_8));
        assertEquals(List.of(new ObjectKey("folder/file")), store.list(""));
    }

    @Test
    void a_missing_bucket_is_a_storage_fault_that_says_so_not_a_missing_object() {
        ObjectStore nowhere = stores.open("og-no-such-bucket", "p");
        StorageUnavailableException thrown = assertThrows(StorageUnavailableException.class,
                () -> nowhere.get(new ObjectKey("x")));
        assertTrue(thrown.getMessage().contains("does not exist"), thrown.getMessage());
        assertThrows(StorageUnavailableException.class, () -> nowhere.put(new ObjectKey("x"), new byte[0]));
    }

    @Test
    void wrong_credentials_are_a_storage_fault() {
        Map<String, String> environment = new HashMap<>(server.environment());
        environment.put("AWS_SECRET_ACCESS_KEY", "not-the-secret");
        try (S3ObjectStores wrong = S3ObjectStores.connect(S3Properties.fromEnvironment(environment))) {
            ObjectStore denied = wrong.open(buckets.get(store), "graphs/g1");
            assertThrows(StorageUnavailableException.class, () -> denied.put(new ObjectKey("x"), new byte[0]));
            assertThrows(StorageUnavailableException.class, () -> denied.get(new ObjectKey("x")));
        }
    }
}
