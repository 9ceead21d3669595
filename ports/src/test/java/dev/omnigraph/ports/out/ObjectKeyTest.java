package dev.omnigraph.ports.out;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Keys are mapped onto local directory trees as well as bucket names, so a key that could climb out of
 * the root, or collide with the adapters' own temporary files, must be impossible to construct.
 */
class ObjectKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "/abs", "trailing/", "a//b", "a/./b", "../up", "a/..", "a\\b", "x/.omnigraph-tmp-1", "tab\there"})
    void malformed_keys_are_refused(String value) {
        assertThrows(InvalidObjectKeyException.class, () -> new ObjectKey(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"state.json", "__cluster/state.json", "graphs/intel.omni/_schema.pg", "a/b c/ü.json", ".hidden"})
    void well_formed_keys_are_accepted(String value) {
        assertEquals(value, new ObjectKey(value).value());
    }

    @Test
    void keys_compose_from_segments() {
        assertEquals(new ObjectKey("__cluster/resources/query/ab.gq"),
                ObjectKey.of("__cluster", "resources", "query").child("ab.gq"));
        assertEquals("ab.gq", new ObjectKey("__cluster/resources/query/ab.gq").fileName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "a/", "a/b", "__cluster/recoveries/", "a/b."})
    void listing_prefixes_inside_the_root_are_accepted(String prefix) {
        assertEquals(prefix, ObjectKey.checkPrefix(prefix));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/a", "..", "../", "a/../b", "a/..", "a//b", "a\\"})
    void listing_prefixes_that_could_escape_are_refused(String prefix) {
        assertThrows(InvalidObjectKeyException.class, () -> ObjectKey.checkPrefix(prefix));
    }
}
