package dev.omnigraph.adapters.storage.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.ports.out.IdSource;
import org.junit.jupiter.api.Test;

/** Commit ids order commits; a later id must never sort before an earlier one from the same process. */
class UlidCreatorIdSourceTest {

    @Test
    void ids_are_canonical_ulids_and_strictly_increasing() {
        IdSource ids = SystemServices.ids();
        String previous = ids.newUlid();
        for (int i = 0; i < 10_000; i++) {
            String next = ids.newUlid();
            assertEquals(26, next.length());
            assertTrue(next.matches("[0-9A-HJKMNP-TV-Z]{26}"), next);
            assertTrue(next.compareTo(previous) > 0, previous + " then " + next);
            previous = next;
        }
    }
}
