package dev.omnigraph.adapters.storage.objectstore.azure;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.util.BinaryData;
import dev.omnigraph.ports.out.ObjectKey;
import dev.omnigraph.ports.out.ObjectStore;
import dev.omnigraph.ports.out.ObjectStoreContract;
import dev.omnigraph.ports.out.StorageUnavailableException;
import dev.omnigraph.ports.out.VersionToken;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Azure Blob passes the whole {@link ObjectStoreContract} against a real Azurite (started by
 * {@code scripts/azurite.sh}), races included: the cluster ledger and lock rely on the service's ETag
 * conditions, so they are exercised on the wire, not simulated. Every store gets a fresh container and
 * sits below a two-segment prefix, so prefix handling is part of every contract test. Skipped with a
 * message when Azurite is not running, failed instead on CI.
 */
class AzureBlobObjectStoreTest extends ObjectStoreContract {

    private static String blobUrl;
    private static AzureBlobObjectStores stores;

    private final Map<ObjectStore, String> containers = new HashMap<>();

    /**
     * Checked per test rather than in a {@code @BeforeAll}: a class-level skip is reported by Surefire as
     * "Tests run: 0" without its reason, a per-test one as skipped tests with the message.
     */
    @Override
    protected ObjectStore newStore() {
        synchronized (AzureBlobObjectStoreTest.class) {
            if (stores == null) {
                blobUrl = Azurite.blobUrlOrSkip();
                stores = AzureBlobObjectStores.connect(AzureBlobProperties.fromEnvironment(Azurite.environment(blobUrl)));
            }
        }
        String container = Azurite.newContainer(stores);
        ObjectStore store = stores.open(container, "graphs/g1");
        containers.put(store, container);
        return store;
    }

    /** A second service client with its own connection pool, as another process would have. */
    @Override
    protected ObjectStore anotherInstanceOnSameRoot(ObjectStore store) {
        AzureBlobObjectStores otherClient = AzureBlobObjectStores.connect(AzureBlobProperties.fromEnvironment(Azurite.environment(blobUrl)));
        return otherClient.open(containers.get(store), "graphs/g1");
    }

    @Test
    void the_location_names_container_and_prefix() {
        assertEquals("az://" + containers.get(store) + "/graphs/g1", store.location());
        assertEquals("az://" + containers.get(store), stores.open(containers.get(store), "").location());
    }

    @Test
    void every_write_makes_a_new_token_even_of_the_same_bytes() {
        VersionToken first = store.put(new ObjectKey("same"), "identical".getBytes(UTF_8));
        VersionToken again = store.put(new ObjectKey("same"), "identical".getBytes(UTF_8));
        assertNotEquals(first, again);
    }

    @Test
    void objects_live_below_the_prefix_and_sibling_prefixes_stay_invisible() {
        String container = containers.get(store);
        ObjectStore sibling = stores.open(container, "graphs/g10");
        ObjectStore containerRoot = stores.open(container, "");
        store.put(new ObjectKey("a/one"), "1".getBytes(UTF_8));
        sibling.put(new ObjectKey("a/two"), "2".getBytes(UTF_8));

        assertEquals(List.of(new ObjectKey("a/one")), store.list(""));
        assertEquals(List.of(new ObjectKey("a/two")), sibling.list(""));
        assertEquals(List.of(new ObjectKey("graphs/g1/a/one"), new ObjectKey("graphs/g10/a/two")), containerRoot.list("graphs/"));
        assertEquals("1", containerRoot.get(new ObjectKey("graphs/g1/a/one")).text());
        assertFalse(sibling.exists(new ObjectKey("a/one")));
    }

    @Test
    void names_that_are_not_keys_are_left_out_of_listings() {
        stores.service().getBlobContainerClient(containers.get(store)).getBlobClient("graphs/g1/x/.omnigraph-tmp")
                .upload(BinaryData.fromString("bookkeeping of another tool"));
        store.put(new ObjectKey("x/file"), "x".getBytes(UTF_8));
        assertEquals(List.of(new ObjectKey("x/file")), store.list(""));
    }

    @Test
    void a_missing_container_is_a_storage_fault_that_says_so_not_a_missing_object() {
        ObjectStore nowhere = stores.open(Azurite.newContainerName(), "p");
        StorageUnavailableException thrown = assertThrows(StorageUnavailableException.class, () -> nowhere.get(new ObjectKey("x")));
        assertTrue(thrown.getMessage().contains("does not exist"), thrown.getMessage());
        assertThrows(StorageUnavailableException.class, () -> nowhere.exists(new ObjectKey("x")));
        assertThrows(StorageUnavailableException.class, () -> nowhere.put(new ObjectKey("x"), new byte[0]));
    }

    @Test
    void a_wrong_account_key_is_a_storage_fault() {
        Map<String, String> environment = new HashMap<>(Azurite.environment(blobUrl));
        environment.put("AZURE_STORAGE_ACCOUNT_NAME", AzureBlobProperties.EMULATOR_ACCOUNT);
        environment.put("AZURE_STORAGE_ACCOUNT_KEY", "d3Jvbmcta2V5LXdyb25nLWtleS13cm9uZy1rZXk=");
        ObjectStore denied = AzureBlobObjectStores.connect(AzureBlobProperties.fromEnvironment(environment))
                .open(containers.get(store), "graphs/g1");
        assertThrows(StorageUnavailableException.class, () -> denied.put(new ObjectKey("x"), new byte[0]));
    }
}
