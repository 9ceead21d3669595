package dev.omnigraph.ports.out;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite every {@link ObjectStore} adapter must pass (local disk, S3, Azure Blob, and any
 * adopter's own). The cluster ledger, its lock and the recovery sidecars are only as safe as the
 * compare-and-swap underneath them: a store that lets two conditional writers both win, or lets a stale
 * token overwrite newer bytes, silently loses acknowledged state. So the races here are real threads on
 * real backends, and every assertion checks the bytes that ended up stored, not just return values.
 *
 * <p>Backend differences the contract allows are declared through {@link ObjectStore#capabilities()};
 * the suite checks each promise only where the backend makes it. Cross-process races are the adapter's
 * own tests' business (they need a second process of that adapter).
 */
public abstract class ObjectStoreContract {

    private static final int RACERS = 8;

    protected ObjectStore store;

    /** A fresh, empty store; each test gets its own. */
    protected abstract ObjectStore newStore() throws Exception;

    /**
     * A second, independent instance over the same root as {@code store} (another client of the same
     * bucket or folder), used to check that visibility and conditions do not depend on shared memory.
     */
    protected abstract ObjectStore anotherInstanceOnSameRoot(ObjectStore store) throws Exception;

    /** Releases backend resources of one store; the default does nothing. */
    protected void release(ObjectStore store) throws Exception {}

    @BeforeEach
    final void createStore() throws Exception {
        store = newStore();
    }

    @AfterEach
    final void releaseStore() throws Exception {
        release(store);
    }

    private static ObjectKey key(String value) {
        return new ObjectKey(value);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    @Test
    void a_missing_object_is_reported_as_not_found_by_every_read() {
        ObjectKey missing = key("nothing/here.json");
        ObjectNotFoundException thrown = assertThrows(ObjectNotFoundException.class, () -> store.get(missing));
        assertEquals(missing, thrown.key());
        assertTrue(store.find(missing).isEmpty());
        assertFalse(store.exists(missing));
    }

    @Test
    void put_then_get_returns_the_bytes_and_the_token_of_that_write() {
        ObjectKey k = key("__cluster/state.json");
        VersionToken written = store.put(k, bytes("{\"revision\":1}"));
        StoredObject read = store.get(k);
        assertEquals("{\"revision\":1}", read.text());
        assertEquals(written, read.version());
        assertEquals(k, read.key());
        assertTrue(store.exists(k));
    }

    @Test
    void arbitrary_binary_content_and_empty_objects_round_trip_exactly() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        store.put(key("bin/all-bytes"), all);
        store.put(key("bin/empty"), new byte[0]);
        assertArrayEquals(all, store.get(key("bin/all-bytes")).bytes());
        assertEquals(0, store.get(key("bin/empty")).size());
    }

    @Test
    void a_multi_megabyte_object_round_trips_exactly() {
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        new Random(42).nextBytes(big);
        store.put(key("big/blob.bin"), big);
        assertArrayEquals(big, store.get(key("big/blob.bin")).bytes());
    }

    @Test
    void put_replaces_the_whole_object_and_changes_its_token() {
        ObjectKey k = key("doc.txt");
        VersionToken first = store.put(k, bytes("a much longer first version of the document"));
        VersionToken second = store.put(k, bytes("short"));
        assertEquals("short", store.get(k).text());
        assertNotEquals(first, second);
        assertEquals(second, store.get(k).version());
    }

    @Test
    void tokens_follow_content_where_the_backend_derives_them_from_content() {
        assumeTrue(store.capabilities().contains(ObjectStore.Capability.TOKENS_DERIVED_FROM_CONTENT),
                "this backend's tokens are not derived from content");
        VersionToken first = store.put(key("same"), bytes("identical"));
        VersionToken again = store.put(key("same"), bytes("identical"));
        assertEquals(first, again);
    }

    @Test
    void put_if_absent_creates_a_missing_object() {
        ObjectKey k = key("__cluster/lock.json");
        VersionToken token = store.putIfAbsent(k, bytes("holder-1"));
        assertEquals("holder-1", store.get(k).text());
        assertEquals(token, store.get(k).version());
    }

    @Test
    void put_if_absent_refuses_an_existing_object_and_writes_nothing() {
        ObjectKey k = key("__cluster/lock.json");
        store.put(k, bytes("holder-1"));
        PreconditionFailedException thrown =
                assertThrows(PreconditionFailedException.class, () -> store.putIfAbsent(k, bytes("holder-2")));
        assertEquals(k, thrown.key());
        assertEquals("holder-1", store.get(k).text());
    }

    @Test
    void put_if_match_replaces_the_version_it_names() {
        ObjectKey k = key("__cluster/state.json");
        VersionToken v1 = store.put(k, bytes("rev 1"));
        VersionToken v2 = store.putIfMatch(k, bytes("rev 2"), v1);
        StoredObject read = store.get(k);
        assertEquals("rev 2", read.text());
        assertEquals(v2, read.version());
        assertNotEquals(v1, v2);
    }

    @Test
    void put_if_match_refuses_a_stale_token_and_writes_nothing() {
        ObjectKey k = key("__cluster/state.json");
        VersionToken v1 = store.put(k, bytes("rev 1"));
        store.putIfMatch(k, bytes("rev 2"), v1);
        assertThrows(PreconditionFailedException.class, () -> store.putIfMatch(k, bytes("rev 2 from a stale writer"), v1));
        assertEquals("rev 2", store.get(k).text());
    }

    @Test
    void put_if_match_refuses_a_missing_object() {
        ObjectKey k = key("gone.json");
        VersionToken v1 = store.put(k, bytes("x"));
        store.delete(k);
        assertThrows(PreconditionFailedException.class, () -> store.putIfMatch(k, bytes("y"), v1));
        assertFalse(store.exists(k));
    }

    @Test
    void exactly_one_of_eight_racing_put_if_absent_calls_wins_and_its_bytes_are_stored() throws Exception {
        for (int round = 0; round < 5; round++) {
            ObjectKey k = key("race/absent-" + round);
            List<Outcome> outcomes = race(racer -> () -> {
                try {
                    store.putIfAbsent(k, bytes("writer-" + racer));
                    return Outcome.won(racer);
                } catch (PreconditionFailedException lost) {
                    return Outcome.lost(racer);
                }
            });
            Outcome winner = onlyWinner(outcomes);
            assertEquals("writer-" + winner.racer(), store.get(k).text());
        }
    }

    @Test
    void exactly_one_of_eight_racing_put_if_match_calls_on_one_version_wins() throws Exception {
        for (int round = 0; round < 5; round++) {
            ObjectKey k = key("race/match-" + round);
            VersionToken base = store.put(k, bytes("base"));
            List<Outcome> outcomes = race(racer -> () -> {
                try {
                    store.putIfMatch(k, bytes("writer-" + racer), base);
                    return Outcome.won(racer);
                } catch (PreconditionFailedException lost) {
                    return Outcome.lost(racer);
                }
            });
            Outcome winner = onlyWinner(outcomes);
            assertEquals("writer-" + winner.racer(), store.get(k).text());
        }
    }

    @Test
    void read_modify_write_loops_over_put_if_match_lose_no_update() throws Exception {
        ObjectKey counter = key("race/counter");
        store.put(counter, bytes("0"));
        int incrementsEach = 10;
        race(racer -> () -> {
            for (int done = 0; done < incrementsEach; ) {
                StoredObject current = store.get(counter);
                int next = Integer.parseInt(current.text()) + 1;
                try {
                    store.putIfMatch(counter, bytes(Integer.toString(next)), current.version());
                    done++;
                } catch (PreconditionFailedException lostRace) {
                    // another racer advanced the counter: read again and retry
                }
            }
            return Outcome.won(racer);
        });
        assertEquals(Integer.toString(RACERS * incrementsEach), store.get(counter).text());
    }

    @Test
    void conditions_hold_between_independent_instances_on_one_root() throws Exception {
        ObjectStore other = anotherInstanceOnSameRoot(store);
        try {
            ObjectKey k = key("shared/lock.json");
            store.putIfAbsent(k, bytes("first"));
            assertTrue(other.exists(k));
            assertThrows(PreconditionFailedException.class, () -> other.putIfAbsent(k, bytes("second")));
            StoredObject seenByOther = other.get(k);
            VersionToken advanced = store.putIfMatch(k, bytes("advanced"), seenByOther.version());
            assertThrows(PreconditionFailedException.class,
                    () -> other.putIfMatch(k, bytes("stale"), seenByOther.version()));
            assertEquals(advanced, other.get(k).version());
            assertEquals("advanced", other.get(k).text());
        } finally {
            release(other);
        }
    }

    @Test
    void list_returns_exactly_the_keys_with_the_prefix_in_lexicographic_order() {
        for (String k : List.of("a/b1", "a/b/c", "a/bc", "a/c", "ab", "b/a", "a/b/d/e")) {
            store.put(key(k), bytes(k));
        }
        assertEquals(keys("a/b/c", "a/b/d/e", "a/b1", "a/bc"), store.list("a/b"));
        assertEquals(keys("a/b/c", "a/b/d/e"), store.list("a/b/"));
        assertEquals(keys("a/b/c", "a/b/d/e", "a/b1", "a/bc", "a/c", "ab"), store.list("a"));
        assertEquals(keys("a/b/c", "a/b/d/e", "a/b1", "a/bc", "a/c", "ab", "b/a"), store.list(""));
        assertEquals(List.of(), store.list("zzz/"));
    }

    @Test
    void list_does_not_show_deleted_objects() {
        store.put(key("recoveries/01A.json"), bytes("a"));
        store.put(key("recoveries/01B.json"), bytes("b"));
        store.delete(key("recoveries/01A.json"));
        assertEquals(keys("recoveries/01B.json"), store.list("recoveries/"));
    }

    @Test
    void list_refuses_prefixes_that_could_escape_the_root() {
        assertThrows(InvalidObjectKeyException.class, () -> store.list("../"));
        assertThrows(InvalidObjectKeyException.class, () -> store.list("a/../../b"));
        assertThrows(InvalidObjectKeyException.class, () -> store.list("/etc"));
    }

    @Test
    void delete_is_idempotent_and_frees_the_key_for_put_if_absent() {
        ObjectKey k = key("__cluster/lock.json");
        store.put(k, bytes("held"));
        store.delete(k);
        store.delete(k);
        assertFalse(store.exists(k));
        assertThrows(ObjectNotFoundException.class, () -> store.get(k));
        store.putIfAbsent(k, bytes("held again"));
        assertEquals("held again", store.get(k).text());
    }

    @Test
    void deleting_a_folder_removes_everything_under_it_and_nothing_beside_it() {
        store.put(key("graphs/a.omni/_schema.pg"), bytes("1"));
        store.put(key("graphs/a.omni/__recovery/x.json"), bytes("2"));
        store.put(key("graphs/a.omnix/keep"), bytes("3"));
        store.put(key("graphs/b.omni/keep"), bytes("4"));
        store.deleteFolder("graphs/a.omni/");
        assertEquals(keys(), store.list("graphs/a.omni/"));
        assertEquals(keys("graphs/a.omnix/keep", "graphs/b.omni/keep"), store.list("graphs/"));
        store.deleteFolder("graphs/a.omni/");
        store.deleteFolder("never/written/");
        store.putIfAbsent(key("graphs/a.omni/_schema.pg"), bytes("again"));
        assertEquals("again", store.get(key("graphs/a.omni/_schema.pg")).text());
        assertThrows(InvalidObjectKeyException.class, () -> store.deleteFolder(""));
        assertThrows(InvalidObjectKeyException.class, () -> store.deleteFolder("graphs/a.omni"));
    }

    @Test
    void deleting_a_missing_object_succeeds() {
        store.delete(key("never/written"));
        assertFalse(store.exists(key("never/written")));
    }

    @Test
    void writes_are_visible_to_another_instance_immediately() throws Exception {
        ObjectStore other = anotherInstanceOnSameRoot(store);
        try {
            store.put(key("v/one"), bytes("1"));
            assertEquals("1", other.get(key("v/one")).text());
            assertEquals(keys("v/one"), other.list("v/"));
            other.delete(key("v/one"));
            assertFalse(store.exists(key("v/one")));
        } finally {
            release(other);
        }
    }

    private static List<ObjectKey> keys(String... values) {
        List<ObjectKey> result = new ArrayList<>();
        for (String value : values) {
            result.add(new ObjectKey(value));
        }
        return result;
    }

    /** One racer's result. */
    protected record Outcome(int racer, boolean won) {
        static Outcome won(int racer) {
            return new Outcome(racer, true);
        }

        static Outcome lost(int racer) {
            return new Outcome(racer, false);
        }
    }

    private static List<Outcome> race(Racers.RacerTask<Outcome> task) throws Exception {
        return Racers.race(RACERS, task);
    }

    private static Outcome onlyWinner(List<Outcome> outcomes) {
        List<Outcome> winners = outcomes.stream().filter(Outcome::won).toList();
        assertEquals(1, winners.size(), "exactly one racer must win, got " + outcomes);
        return winners.get(0);
    }
}
