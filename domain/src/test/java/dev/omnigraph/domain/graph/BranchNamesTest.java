package dev.omnigraph.domain.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BranchNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"feature", "review/2026-07", "a.b_c-d", "x/y/z"})
    void plain_and_slash_names_are_accepted(String name) {
        assertEquals(Optional.empty(), BranchNames.refusal(name, List.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "main", "__schema_apply_lock__", "a//b", "/a", "a/", "a/../b", "a b", "ümlaut", "."})
    void reserved_empty_and_malformed_names_are_refused(String name) {
        assertTrue(BranchNames.refusal(name, List.of()).isPresent(), name);
    }

    @Test
    void live_names_must_be_prefix_disjoint_and_unique() {
        assertTrue(BranchNames.refusal("review/x", List.of("review")).orElseThrow().contains("'review'"));
        assertTrue(BranchNames.refusal("review", List.of("review/x")).orElseThrow().contains("'review/x'"));
        assertTrue(BranchNames.refusal("review", List.of("review")).orElseThrow().contains("already exists"));
        assertEquals(Optional.empty(), BranchNames.refusal("reviewer", List.of("review", "review2/x")));
    }

    @Test
    void engine_branches_are_internal() {
        assertTrue(BranchNames.isInternal("__schema_apply_lock__"));
        assertFalse(BranchNames.isInternal("feature"));
    }
}
