package dev.omnigraph.domain.graph.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.domain.graph.TableIdentity;
import dev.omnigraph.domain.graph.recovery.SweepDecision.RollBack;
import dev.omnigraph.domain.graph.recovery.SweepDecision.RollForward;
import dev.omnigraph.domain.graph.recovery.SweepDecision.TablePublish;
import dev.omnigraph.domain.graph.recovery.SweepDecision.TableRestore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The decision table is easy to get right row by row and wrong in combination. These properties hold for every
 * generated sidecar and observation: whatever the mix of writers, phases, heads and published versions, recovery
 * never publishes a table whose head is not strictly above a published version equal to its pin, never publishes a
 * subset of a writer's tables, never restores from a live process, and restores only tables that moved.
 */
class SweepClassifierPropertyTest {

    /** A sidecar with the heads and published versions the sweep observed for it. */
    record Scenario(RecoverySidecar sidecar, ManifestObservation manifest, Map<String, TableObservation> tables) {
    }

    @Property(tries = 2000)
    void a_roll_forward_publishes_every_pin_and_only_heads_above_their_expected_published_version(
            @ForAll("scenarios") Scenario scenario, @ForAll SweepMode mode) {
        SweepDecision decision = SweepClassifier.classify(scenario.sidecar(), scenario.manifest(), scenario.tables(), mode);
        if (!(decision instanceof RollForward forward)) {
            return;
        }
        assertEquals(scenario.sidecar().tables(), forward.tables().stream().map(TablePublish::pin).toList());
        for (TablePublish table : forward.tables()) {
            long head = scenario.tables().get(table.pin().tableKey()).head().orElseThrow();
            long published = scenario.manifest().publishedVersion(table.pin().tableKey()).orElseThrow();
            assertEquals(head, table.toVersion());
            assertEquals(published, table.publishedVersion());
            assertEquals(table.pin().expectedVersion(), published);
            assertTrue(head > published);
        }
    }

    @Property(tries = 2000)
    void a_live_heal_never_restores(@ForAll("scenarios") Scenario scenario) {
        SweepDecision decision = SweepClassifier.classify(scenario.sidecar(), scenario.manifest(), scenario.tables(),
                SweepMode.ROLL_FORWARD_ONLY);
        assertFalse(decision instanceof RollBack, decision::toString);
    }

    @Property(tries = 2000)
    void a_roll_back_restores_exactly_the_moved_tables_to_their_published_version(@ForAll("scenarios") Scenario scenario) {
        SweepDecision decision = SweepClassifier.classify(scenario.sidecar(), scenario.manifest(), scenario.tables(),
                SweepMode.FULL);
        if (!(decision instanceof RollBack back)) {
            return;
        }
        List<String> restored = back.restores().stream().map(restore -> restore.pin().tableKey()).toList();
        for (SidecarTablePin pin : scenario.sidecar().tables()) {
            OptionalLong head = scenario.tables().get(pin.tableKey()).head();
            long published = scenario.manifest().publishedVersion(pin.tableKey()).orElseThrow();
            boolean moved = head.isPresent() && head.getAsLong() > published;
            assertEquals(moved, restored.contains(pin.tableKey()), pin.tableKey());
        }
        for (TableRestore restore : back.restores()) {
            assertEquals(scenario.manifest().publishedVersion(restore.pin().tableKey()).orElseThrow(), restore.restoreTo());
        }
    }

    @Property(tries = 2000)
    void a_table_below_its_published_version_stops_every_table_action(@ForAll("scenarios") Scenario scenario,
                                                                       @ForAll SweepMode mode) {
        boolean anyBelow = scenario.sidecar().tables().stream().anyMatch(pin -> {
            OptionalLong head = scenario.tables().get(pin.tableKey()).head();
            return head.isPresent() && head.getAsLong() < scenario.manifest().publishedVersion(pin.tableKey()).orElseThrow();
        });
        SweepDecision decision = SweepClassifier.classify(scenario.sidecar(), scenario.manifest(), scenario.tables(), mode);
        if (anyBelow) {
            assertFalse(decision.deletesSidecar(), decision::toString);
        }
    }

    @Property(tries = 2000)
    void the_generator_reaches_every_decision(@ForAll("scenarios") Scenario scenario, @ForAll SweepMode mode) {
        SweepDecision decision = SweepClassifier.classify(scenario.sidecar(), scenario.manifest(), scenario.tables(), mode);
        Statistics.label("decision").collect(decision.getClass().getSimpleName());
        Statistics.label("decision").coverage(coverage -> {
            for (String reachable : List.of("RollForward", "RollBack", "AbandonUnapplied", "RecoveryRequired", "Abort")) {
                coverage.check(reachable).count(count -> count > 0);
            }
        });
    }

    @Property(tries = 2000)
    void sidecars_round_trip_through_json(@ForAll("scenarios") Scenario scenario) {
        assertEquals(scenario.sidecar(), RecoverySidecar.decode(scenario.sidecar().encode()));
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<WriterKind> kinds = Arbitraries.of(WriterKind.MUTATION, WriterKind.LOAD, WriterKind.BRANCH_MERGE,
                WriterKind.ENSURE_INDICES, WriterKind.OPTIMIZE);
        Arbitrary<List<long[]>> tables = Arbitraries.longs().between(0, 6).array(long[].class).ofSize(5)
                .list().ofMinSize(1).ofMaxSize(4);
        return Combinators.combine(kinds, Arbitraries.of(true, false), tables, Arbitraries.of(true, false),
                        Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as(SweepClassifierPropertyTest::scenario);
    }

    /**
     * Each table is five small numbers: expected version, extra commits the writer made (its confirmed head is
     * {@code expected + 1 + extra}), the observed head, the published version, and whether a branch ref is absent.
     * When {@code writerFinished}, every table shows the writer's confirmed head over its expected, still published,
     * version (the lost-publish crash), so roll-forwards are generated as often as the disorderly states.
     */
    private static Scenario scenario(WriterKind kind, boolean confirmed, List<long[]> tableSeeds, boolean authorityUnchanged,
                                     boolean onBranch, boolean writerFinished) {
        List<SidecarTablePin> pins = new ArrayList<>();
        Map<String, Long> confirmedVersions = new HashMap<>();
        Map<String, Long> published = new HashMap<>();
        Map<String, TableObservation> observed = new HashMap<>();
        for (int i = 0; i < tableSeeds.size(); i++) {
            long[] seed = tableSeeds.get(i);
            String key = "node:T" + i;
            long expected = seed[0];
            pins.add(SidecarTablePin.planned(new TableIdentity(i + 1L, 1), key, "/t" + i, expected, expected + 1,
                    onBranch ? Optional.of("feature") : Optional.empty()));
            long confirmedHead = expected + 1 + seed[1] % 3;
            confirmedVersions.put(key, confirmedHead);
            if (writerFinished) {
                published.put(key, expected);
                observed.put(key, TableObservation.at(key, confirmedHead));
                continue;
            }
            published.put(key, Math.max(0, expected - 1 + seed[3] % 3));
            boolean absent = onBranch && seed[4] == 0;
            observed.put(key, absent ? TableObservation.absent(key) : TableObservation.at(key, Math.max(0, seed[2] + expected - 2)));
        }
        RecoveryAuthority authority = new RecoveryAuthority(10, Optional.of(RecoveryFixtures.HEAD));
        RecoverySidecar sidecar = RecoverySidecar.arm(RecoveryFixtures.OPERATION, 1, onBranch ? Optional.of("feature") : Optional.empty(),
                Optional.of("act"), kind, RecoveryFixtures.COMMIT, RecoveryFixtures.ROLLBACK_COMMIT, authority, pins);
        if (confirmed) {
            sidecar = sidecar.confirmEffects(confirmedVersions);
        }
        ManifestObservation manifest = authorityUnchanged
                ? ManifestObservation.live(10, authority.graphHead(), published)
                : ManifestObservation.live(11, Optional.of(RecoveryFixtures.OTHER_HEAD), published);
        return new Scenario(sidecar, manifest, observed);
    }
}
