package dev.omnigraph.domain.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServedGraphIdsTest {

    @Test
    void letters_digits_and_hyphens_up_to_64_are_servable() {
        for (String ok : new String[] {"alpha", "tenant-001", "A", "g", "X-9-z", "a".repeat(64)}) {
            assertEquals(Optional.empty(), ServedGraphIds.problem(ok), ok);
        }
    }

    @Test
    void underscores_separators_unicode_empty_long_and_reserved_names_are_not() {
        assertEquals(Optional.of("graph_id must not be empty"), ServedGraphIds.problem(""));
        assertTrue(ServedGraphIds.problem("a".repeat(65)).orElseThrow().contains("65 chars; max 64"));
        for (String bad : new String[] {"with_underscore", "a/b", "a.b", "ünï", "a b", ".."}) {
            assertTrue(ServedGraphIds.problem(bad).orElseThrow().contains("must match"), bad);
        }
        for (String reserved : new String[] {"policies", "healthz", "openapi", "graphs"}) {
            assertTrue(ServedGraphIds.problem(reserved).orElseThrow().contains("is reserved"), reserved);
        }
    }
}
