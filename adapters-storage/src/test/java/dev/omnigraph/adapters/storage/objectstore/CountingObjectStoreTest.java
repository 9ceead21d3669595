package dev.omnigraph.adapters.storage.objectstore;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.omnigraph.adapters.storage.objectstore.ObjectStoreRequestCounts.Operation;
import dev.omnigraph.adapters.storage.objectstore.s3.S3ObjectStores;
import dev.omnigraph.adapters.storage.objectstore.s3.S3Properties;
import dev.omnigraph.adapters.storage.objectstore.s3.S3ProxyServer;
import dev.omnigraph.adapters.storage.objectstore.s3.S3RequestLog;
import dev.omnigraph.ports.out.ObjectKey;
import dev.omnigraph.ports.out.ObjectNotFoundException;
import dev.omnigraph.ports.out.ObjectStore;
import dev.omnigraph.ports.out.ObjectStoreContract;
import dev.omnigraph.ports.out.PreconditionFailedException;
import dev.omnigraph.ports.out.VersionToken;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counting decorator is invisible to callers (it passes the whole {@link ObjectStoreContract} over local
 * disk), counts every call once per operation, failures included, and on S3 each counted call is exactly
 * one request on the wire (checked against what S3Proxy received from the SDK).
 */
class CountingObjectStoreTest extends ObjectStoreContract {

    @TempDir
    Path tempRoot;

    @Override
    protected ObjectStore newStore() {
        return ObjectStores.counting(ObjectStores.localFolder(LocalFsProperties.durableAt(tempRoot.resolve("store"))),
                new ObjectStoreRequestCounts());
    }

    @Override
    protected ObjectStore anotherInstanceOnSameRoot(ObjectStore store) {
        return ObjectStores.counting(ObjectStores.localFolder(LocalFsProperties.durableAt(tempRoot.resolve("store"))),
                new ObjectStoreRequestCounts());
    }

    /** One call of every operation, two of them failing; returns the counts. */
    private static ObjectStoreRequestCounts exerciseEveryOperation(ObjectStore plain) {
        ObjectStoreRequestCounts counts = new ObjectStoreRequestCounts();
        ObjectStore counted = ObjectStores.counting(plain, counts);
        ObjectKey key = new ObjectKey("__cluster/state.json");
        VersionToken first = counted.putIfAbsent(key, "1".getBytes(UTF_8));
        counted.put(new ObjectKey("__cluster/other.json"), "x".getBytes(UTF_8));
        counted.putIfMatch(key, "2".getBytes(UTF_8), first);
        assertThrows(PreconditionFailedException.class, () -> counted.putIfMatch(key, "3".getBytes(UTF_8), first));
        counted.get(key);
        assertThrows(ObjectNotFoundException.class, () -> counted.get(new ObjectKey("missing")));
        counted.find(key);
        counted.exists(key);
        assertEquals(2, counted.list("__cluster/").size());
        counted.delete(key);
        return counts;
    }

    @Test
    void every_call_counts_once_per_operation_failures_included() {
        ObjectStoreRequestCounts counts = exerciseEveryOperation(
                ObjectStores.localFolder(LocalFsProperties.durableAt(tempRoot.resolve("counted"))));
        assertEquals(Map.of(Operation.PUT_IF_ABSENT, 1L, Operation.PUT, 1L, Operation.PUT_IF_MATCH, 2L, Operation.GET, 2L,
                Operation.FIND, 1L, Operation.EXISTS, 1L, Operation.LIST, 1L, Operation.DELETE, 1L), counts.snapshot());
        assertEquals(5, counts.reads());
        assertEquals(5, counts.writes());
        counts.reset();
        assertEquals(Map.of(), counts.snapshot());
    }

    @Test
    void on_s3_every_counted_call_is_exactly_one_request() throws Exception {
        try (S3ProxyServer server = S3ProxyServer.start();
             S3ObjectStores stores = S3ObjectStores.connect(S3Properties.fromEnvironment(server.environment()))) {
            String bucket = server.newBucket(stores);
            server.requestLog().clear();
            ObjectStoreRequestCounts counts = exerciseEveryOperation(stores.open(bucket, "clusters/c1"));
            assertEquals(counts.total(), server.requestLog().count(S3RequestLog.Client.AWS_SDK_JAVA),
                    () -> counts + " vs " + server.requestLog().requests());
            assertEquals(Map.of(S3RequestLog.Operation.PUT_OBJECT_IF_ABSENT, 1L, S3RequestLog.Operation.PUT_OBJECT, 1L,
                    S3RequestLog.Operation.PUT_OBJECT_IF_MATCH, 2L, S3RequestLog.Operation.GET_OBJECT, 3L,
                    S3RequestLog.Operation.HEAD_OBJECT, 1L, S3RequestLog.Operation.LIST_OBJECTS, 1L,
                    S3RequestLog.Operation.DELETE_OBJECT, 1L),
                    server.requestLog().countsByOperation(S3RequestLog.Client.AWS_SDK_JAVA));
        }
    }
}
