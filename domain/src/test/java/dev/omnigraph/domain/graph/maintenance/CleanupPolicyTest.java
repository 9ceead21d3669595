package dev.omnigraph.domain.graph.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cleanup is irreversible, so its cutoff errs towards keeping: the newest version always stays, a floor
 * (what kept snapshots and live branches read) always wins, and with two windows a version goes only when
 * both would reclaim it.
 */
class CleanupPolicyTest {

    private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");

    /** Versions {@code from..to}, version v committed v hours before {@code to}'s hour... oldest first. */
    private static List<VersionStamp> hourly(long from, long to) {
        List<VersionStamp> versions = new ArrayList<>();
        for (long v = from; v <= to; v++) {
            versions.add(new VersionStamp(v, NOW.minus(Duration.ofHours(to - v))));
        }
        return versions;
    }

    @Test
    void a_policy_needs_at_least_one_window_and_no_negative_one() {
        assertEquals("cleanup requires at least one of --keep or --older-than", assertThrows(IllegalArgumentException.class,
                () -> new CleanupPolicy(OptionalLong.empty(), Optional.empty())).getMessage());
        assertThrows(IllegalArgumentException.class, () -> CleanupPolicy.keep(-1));
        assertThrows(IllegalArgumentException.class, () -> CleanupPolicy.olderThan(Duration.ofSeconds(-1)));
    }

    @ParameterizedTest
    @CsvSource({"0,10", "1,10", "3,8", "10,1", "11,1", "100,1"})
    void keep_n_keeps_the_newest_n_existing_versions_and_never_the_newest_less(long keep, long keepFrom) {
        CleanupCutoff cutoff = CleanupCutoff.of(CleanupPolicy.keep(keep), hourly(1, 10), NOW, OptionalLong.empty());
        assertEquals(keepFrom, cutoff.keepFromVersion());
        assertEquals(keepFrom - 1, cutoff.reclaimable());
    }

    @Test
    void keep_n_counts_existing_versions_not_version_numbers() {
        List<VersionStamp> sparse = List.of(new VersionStamp(2, NOW), new VersionStamp(7, NOW), new VersionStamp(9, NOW),
                new VersionStamp(12, NOW));
        assertEquals(new CleanupCutoff(9, 2), CleanupCutoff.of(CleanupPolicy.keep(2), sparse, NOW, OptionalLong.empty()));
    }

    @Test
    void older_than_keeps_everything_from_the_first_version_young_enough() {
        // versions 1..10, version v committed (10 - v) hours ago: older than 3h = versions 1..6
        assertEquals(new CleanupCutoff(7, 6), CleanupCutoff.of(CleanupPolicy.olderThan(Duration.ofHours(3)),
                hourly(1, 10), NOW, OptionalLong.empty()));
        assertEquals(new CleanupCutoff(10, 9), CleanupCutoff.of(CleanupPolicy.olderThan(Duration.ZERO),
                hourly(1, 10), NOW, OptionalLong.empty()), "even 'older than nothing' keeps the newest");
        assertEquals(new CleanupCutoff(1, 0), CleanupCutoff.of(CleanupPolicy.olderThan(Duration.ofDays(365)),
                hourly(1, 10), NOW, OptionalLong.empty()));
    }

    @Test
    void a_clock_that_stepped_back_never_reclaims_a_version_after_a_young_one() {
        List<VersionStamp> skewed = List.of(new VersionStamp(1, NOW.minus(Duration.ofDays(9))),
                new VersionStamp(2, NOW.minus(Duration.ofHours(1))), new VersionStamp(3, NOW.minus(Duration.ofDays(8))),
                new VersionStamp(4, NOW));
        assertEquals(2, CleanupCutoff.of(CleanupPolicy.olderThan(Duration.ofDays(7)), skewed, NOW,
                OptionalLong.empty()).keepFromVersion());
    }

    @Test
    void with_both_windows_a_version_goes_only_when_both_would_reclaim_it() {
        CleanupPolicy both = new CleanupPolicy(OptionalLong.of(2), Optional.of(Duration.ofHours(5)));
        // keep 2 alone: from 9; older than 5h alone: from 5 -> both: from 5
        assertEquals(5, CleanupCutoff.of(both, hourly(1, 10), NOW, OptionalLong.empty()).keepFromVersion());
        CleanupPolicy both2 = new CleanupPolicy(OptionalLong.of(8), Optional.of(Duration.ofHours(1)));
        // keep 8 alone: from 3; older than 1h alone: from 9 -> both: from 3
        assertEquals(3, CleanupCutoff.of(both2, hourly(1, 10), NOW, OptionalLong.empty()).keepFromVersion());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 4, 9})
    void a_floor_below_the_windows_cutoff_wins(long floor) {
        CleanupCutoff cutoff = CleanupCutoff.of(CleanupPolicy.keep(1), hourly(1, 10), NOW, OptionalLong.of(floor));
        assertEquals(floor, cutoff.keepFromVersion());
        assertEquals(floor - 1, cutoff.reclaimable());
    }

    @Test
    void a_floor_above_the_cutoff_changes_nothing_and_the_newest_version_caps_everything() {
        assertEquals(8, CleanupCutoff.of(CleanupPolicy.keep(3), hourly(1, 10), NOW, OptionalLong.of(9)).keepFromVersion());
        assertEquals(10, CleanupCutoff.of(CleanupPolicy.keep(0), hourly(1, 10), NOW, OptionalLong.of(50)).keepFromVersion());
    }

    @Test
    void a_table_has_versions() {
        assertThrows(IllegalArgumentException.class,
                () -> CleanupCutoff.of(CleanupPolicy.keep(1), List.of(), NOW, OptionalLong.empty()));
    }

    @ParameterizedTest
    @CsvSource({"7d,604800", "24h,86400", "90m,5400", "45,45", "45s,45", "2w,1209600", " 3D ,259200", "0,0"})
    void ages_parse_like_the_references_cli(String text, long seconds) {
        assertEquals(Duration.ofSeconds(seconds), CleanupPolicy.parseAge(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "d", "7y", "-3d", "1.5h", "7 days", "99999999999999999999d"})
    void anything_else_is_refused_with_the_text(String text) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> CleanupPolicy.parseAge(text));
        assertTrue(refused.getMessage().contains("duration"), refused.getMessage());
    }

    @Test
    void policies_describe_themselves_in_the_units_they_were_given() {
        assertEquals("keep 10 versions", CleanupPolicy.keep(10).describe());
        assertEquals("remove anything older than 7d", CleanupPolicy.olderThan(Duration.ofDays(7)).describe());
        assertEquals("keep 3 versions, remove anything older than 90m",
                new CleanupPolicy(OptionalLong.of(3), Optional.of(Duration.ofMinutes(90))).describe());
        assertEquals("remove anything older than 0s", CleanupPolicy.olderThan(Duration.ZERO).describe());
        assertEquals("remove anything older than 14d", CleanupPolicy.olderThan(Duration.ofDays(14)).describe());
    }
}
