package dev.omnigraph.adapters.storage.objectstore;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.ports.out.ObjectKey;
import dev.omnigraph.ports.out.ObjectStore;
import dev.omnigraph.ports.out.ObjectStoreContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local disk passes the whole {@link ObjectStoreContract}, plus the disk-specific guarantees below. */
class LocalFsObjectStoreTest extends ObjectStoreContract {

    @TempDir
    Path tempRoot;

    @Override
    protected ObjectStore newStore() {
        return ObjectStores.localFolder(LocalFsProperties.durableAt(tempRoot.resolve("store")));
    }

    @Override
    protected ObjectStore anotherInstanceOnSameRoot(ObjectStore store) {
        return ObjectStores.localFolder(LocalFsProperties.durableAt(tempRoot.resolve("store")));
    }

    @Test
    void writes_leave_no_temporary_files_and_bookkeeping_stays_out_of_listings() throws IOException {
        store.put(new ObjectKey("a/one"), "1".getBytes(UTF_8));
        store.putIfAbsent(new ObjectKey("a/two"), "2".getBytes(UTF_8));
        store.putIfMatch(new ObjectKey("a/one"), "1b".getBytes(UTF_8), store.get(new ObjectKey("a/one")).version());
        try (Stream<Path> files = Files.list(tempRoot.resolve("store/a"))) {
            assertEquals(List.of("one", "two"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(Files.isDirectory(tempRoot.resolve("store/.omnigraph-locks")));
        assertEquals(List.of(new ObjectKey("a/one"), new ObjectKey("a/two")), store.list(""));
    }

    @Test
    void deleting_a_folder_leaves_no_directory_behind_not_even_a_nested_stores_bookkeeping() throws IOException {
        store.put(new ObjectKey("graphs/a.omni/_schema.pg"), "1".getBytes(UTF_8));
        ObjectStore nested = ObjectStores.localFolder(LocalFsProperties.durableAt(tempRoot.resolve("store/graphs/a.omni")));
        nested.put(new ObjectKey("__recovery/x.json"), "{}".getBytes(UTF_8));
        Files.createDirectories(tempRoot.resolve("store/graphs/a.omni/nodes/empty-table"));
        store.deleteFolder("graphs/a.omni/");
        assertFalse(Files.exists(tempRoot.resolve("store/graphs/a.omni")));
        assertTrue(Files.isDirectory(tempRoot.resolve("store/graphs")));
    }

    @Test
    void a_folder_of_other_keys_is_not_an_object() {
        store.put(new ObjectKey("folder/child"), "x".getBytes(UTF_8));
        assertFalse(store.exists(new ObjectKey("folder")));
        assertTrue(store.find(new ObjectKey("folder")).isEmpty());
        store.delete(new ObjectKey("folder"));
        assertTrue(store.exists(new ObjectKey("folder/child")));
    }

    @Test
    void storage_locations_are_parsed_in_one_place() {
        assertEquals("file", ObjectStores.StorageLocation.parse("/srv/og").scheme());
        assertEquals(Path.of("/srv/og"), ObjectStores.StorageLocation.parse("file:///srv/og").localPath());
        ObjectStores.StorageLocation s3 = ObjectStores.StorageLocation.parse("s3://bucket/some/prefix/");
        assertEquals("s3", s3.scheme());
        assertEquals("bucket", s3.bucket());
        assertEquals("some/prefix", s3.prefix());
        assertEquals("", ObjectStores.StorageLocation.parse("az://container").prefix());
    }
}
