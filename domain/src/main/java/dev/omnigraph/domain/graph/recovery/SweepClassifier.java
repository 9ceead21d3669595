package dev.omnigraph.domain.graph.recovery;

import dev.omnigraph.domain.graph.recovery.SweepDecision.Abort;
import dev.omnigraph.domain.graph.recovery.SweepDecision.AbandonUnapplied;
import dev.omnigraph.domain.graph.recovery.SweepDecision.AlreadyPublished;
import dev.omnigraph.domain.graph.recovery.SweepDecision.AlreadyRolledBack;
import dev.omnigraph.domain.graph.recovery.SweepDecision.OrphanedBranchDiscarded;
import dev.omnigraph.domain.graph.recovery.SweepDecision.RecoveryRequired;
import dev.omnigraph.domain.graph.recovery.SweepDecision.RollBack;
import dev.omnigraph.domain.graph.recovery.SweepDecision.RollForward;
import dev.omnigraph.domain.graph.recovery.SweepDecision.TablePublish;
import dev.omnigraph.domain.graph.recovery.SweepDecision.TableRestore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Decides what the recovery sweep does with one sidecar, from what it observed. The decision is all-or-nothing:
 * the writer meant one atomic publish across every pinned table, so publishing some of them would expose a partial
 * write.
 *
 * <p>The rules, in order (the first that applies wins):
 * <ol>
 *   <li>the sidecar's branch is gone: {@link OrphanedBranchDiscarded};</li>
 *   <li>both the commit and the roll-back commit are in the lineage: {@link Abort} (ambiguous);</li>
 *   <li>the commit is in the lineage: {@link AlreadyPublished};</li>
 *   <li>the roll-back commit is in the lineage: {@link AlreadyRolledBack}, or {@link Abort} if the sidecar holds no
 *       persisted roll-back outcomes to report;</li>
 *   <li>a pinned table is no longer published on the branch, or a table is in {@link TableClassification#INVARIANT_VIOLATION}:
 *       {@link Abort} in a full sweep, {@link RecoveryRequired} when healing;</li>
 *   <li>no table moved: if the manifest still publishes every expected version, nothing happened —
 *       {@link AbandonUnapplied}, except that a healing writer leaves an armed intent alone
 *       ({@link RecoveryRequired}: it may belong to a live writer); if the manifest moved past an expected version
 *       without either commit in the lineage, the evidence is ambiguous ({@link Abort} / {@link RecoveryRequired});</li>
 *   <li>every table {@link TableClassification#ROLLED_PAST_EXPECTED}: {@link RollForward} when the writer is
 *       {@link ClassificationMode#LOOSE} or the branch still shows the captured authority; otherwise a roll-back;</li>
 *   <li>anything else: a roll-back — {@link RollBack} in a full sweep, {@link RecoveryRequired} when healing.</li>
 * </ol>
 * A sidecar without pins (a schema apply that only registers or tombstones) counts as fully rolled past when
 * confirmed and as unmoved when armed.
 */
public final class SweepClassifier {

    private SweepClassifier() {
    }

    /**
     * The decision for {@code sidecar}.
     *
     * @param tables an observation for every pinned table key (extra entries are ignored); not consulted when the
     *     sidecar's branch is gone
     * @throws IllegalArgumentException when a pinned table has no observation (a caller bug, not a storage state)
     */
    public static SweepDecision classify(RecoverySidecar sidecar, ManifestObservation manifest,
                                         Map<String, TableObservation> tables, SweepMode mode) {
        Objects.requireNonNull(sidecar, "sidecar");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(tables, "tables");
        Objects.requireNonNull(mode, "mode");
        String operationId = sidecar.operationId();

        if (!manifest.branchExists()) {
            return new OrphanedBranchDiscarded(sidecar.branch().orElseThrow(() -> new IllegalArgumentException(
                    "main always exists; a missing branch needs a named sidecar branch")));
        }
        if (manifest.graphCommitPublished() && manifest.rollbackCommitPublished()) {
            return new Abort(operationId, describe(sidecar) + " has both its commit " + sidecar.graphCommitId()
                    + " and its roll-back commit " + sidecar.rollbackGraphCommitId()
                    + " in the lineage; refusing an ambiguous finalization" + operatorReview(sidecar));
        }
        if (manifest.graphCommitPublished()) {
            return new AlreadyPublished(sidecar.graphCommitId(), publishedOutcomes(sidecar, manifest));
        }
        if (manifest.rollbackCommitPublished()) {
            if (sidecar.rollbackAuditOutcomes().isEmpty()) {
                return new Abort(operationId, describe(sidecar) + " has its roll-back commit "
                        + sidecar.rollbackGraphCommitId() + " in the lineage but no persisted roll-back outcomes; "
                        + "refusing to infer them from the current heads" + operatorReview(sidecar));
            }
            return new AlreadyRolledBack(sidecar.rollbackGraphCommitId(), sidecar.rollbackAuditOutcomes().get());
        }
        for (SidecarTablePin pin : sidecar.tables()) {
            if (manifest.publishedVersion(pin.tableKey()).isEmpty()) {
                return refuse(mode, operationId, describe(sidecar) + " pins " + pin.tableKey()
                        + ", which the branch's manifest no longer publishes; the manifest changed under the sidecar");
            }
        }

        List<ClassifiedTable> classified = classifyTables(sidecar, manifest, tables);
        List<ClassifiedTable> violations = classified.stream()
                .filter(table -> table.classification() == TableClassification.INVARIANT_VIOLATION)
                .toList();
        if (!violations.isEmpty()) {
            return refuse(mode, operationId, describe(sidecar) + " observed a table below its published version or a "
                    + "published table's ref missing (" + describeAll(violations) + "); refusing to act");
        }

        boolean pinless = classified.isEmpty();
        boolean confirmed = sidecar.effectPhase() == EffectPhase.EFFECTS_CONFIRMED;
        boolean noneMoved = pinless ? !confirmed
                : classified.stream().allMatch(table -> table.classification() == TableClassification.NO_MOVEMENT);
        boolean allRolledPast = pinless ? confirmed
                : classified.stream().allMatch(table -> table.classification() == TableClassification.ROLLED_PAST_EXPECTED);

        if (noneMoved) {
            boolean manifestMoved = classified.stream()
                    .anyMatch(table -> table.publishedVersion() != table.pin().expectedVersion());
            if (manifestMoved) {
                return refuse(mode, operationId, describe(sidecar) + " is aligned with a manifest that moved past its "
                        + "expected versions (" + describeAll(classified) + ") but neither its commit nor its roll-back "
                        + "commit is in the lineage");
            }
            if (mode == SweepMode.ROLL_FORWARD_ONLY && !confirmed) {
                return new RecoveryRequired(operationId, describe(sidecar) + " is armed with no effect yet; it may "
                        + "belong to a live writer, so only a read-write open may discard it" + reopenHint());
            }
            return new AbandonUnapplied(operationId, describe(sidecar) + " made no table effect; discarding its intent");
        }

        if (allRolledPast) {
            boolean exact = sidecar.classificationMode() != ClassificationMode.LOOSE;
            if (!exact || sidecar.authority().matches(manifest.manifestVersion(), manifest.graphHead())) {
                List<TablePublish> publishes = classified.stream()
                        .map(table -> new TablePublish(table.pin(), table.publishedVersion(), table.observedHead().getAsLong()))
                        .toList();
                return new RollForward(sidecar.graphCommitId(),
                        exact ? Optional.of(sidecar.authority()) : Optional.empty(), publishes);
            }
            return rollBack(sidecar, classified, mode, "completed its effects, but the branch moved since it captured "
                    + "its authority (manifest v" + sidecar.authority().manifestVersion() + ", head "
                    + sidecar.authority().graphHead().orElse("none") + " -> manifest v" + manifest.manifestVersion()
                    + ", head " + manifest.graphHead().orElse("none") + "), so it may only be rolled back");
        }
        return rollBack(sidecar, classified, mode, "left a partial or unexpected state (" + describeAll(classified) + ")");
    }

    /**
     * Classifies every pin against its observation and the version the manifest publishes.
     *
     * @throws IllegalArgumentException when a pin has no table observation or no published version
     */
    public static List<ClassifiedTable> classifyTables(RecoverySidecar sidecar, ManifestObservation manifest,
                                                       Map<String, TableObservation> tables) {
        List<ClassifiedTable> classified = new ArrayList<>(sidecar.tables().size());
        for (SidecarTablePin pin : sidecar.tables()) {
            TableObservation observation = tables.get(pin.tableKey());
            if (observation == null) {
                throw new IllegalArgumentException("no table observation for pinned table " + pin.tableKey());
            }
            long published = manifest.publishedVersion(pin.tableKey()).orElseThrow(() ->
                    new IllegalArgumentException("no published version observed for pinned table " + pin.tableKey()));
            classified.add(new ClassifiedTable(pin, classifyObservation(sidecar, pin, observation, published),
                    observation.head(), published));
        }
        return List.copyOf(classified);
    }

    /**
     * One table's classification for a present head (the reference's per-table rules).
     *
     * @param head the table's head on the pin's ref
     * @param published the version the branch's manifest publishes for the table
     */
    public static TableClassification classifyTable(ClassificationMode mode, EffectPhase phase, SidecarTablePin pin,
                                                    long head, long published) {
        if (head < published) {
            return TableClassification.INVARIANT_VIOLATION;
        }
        if (head == published) {
            return TableClassification.NO_MOVEMENT;
        }
        boolean expectedIsPublished = pin.expectedVersion() == published;
        OptionalLong confirmed = pin.confirmedVersion();
        switch (mode) {
            case LOOSE:
                if (expectedIsPublished) {
                    return TableClassification.ROLLED_PAST_EXPECTED;
                }
                return head == published + 1 ? TableClassification.UNEXPECTED_AT_P1 : TableClassification.UNEXPECTED_MULTISTEP;
            case CONFIRMED:
                if (confirmed.isEmpty()) {
                    return TableClassification.INCOMPLETE_PHASE_B;
                }
                return head == confirmed.getAsLong() && expectedIsPublished
                        ? TableClassification.ROLLED_PAST_EXPECTED : TableClassification.UNEXPECTED_MULTISTEP;
            case EXACT_EFFECT:
                if (phase != EffectPhase.EFFECTS_CONFIRMED || confirmed.isEmpty()) {
                    return TableClassification.INCOMPLETE_PHASE_B;
                }
                if (!expectedIsPublished) {
                    return TableClassification.UNEXPECTED_AT_P1;
                }
                return head == confirmed.getAsLong()
                        ? TableClassification.ROLLED_PAST_EXPECTED : TableClassification.UNEXPECTED_MULTISTEP;
            default:
                throw new IllegalStateException("unhandled classification mode " + mode);
        }
    }

    /**
     * An absent ref is the crash-before-fork state only for an armed writer's first touch of a branch ref (the
     * sidecar is written before the ref is created, and the branch still reads the table from its source); then
     * nothing moved. A missing ref that the writer had confirmed, or a missing table on its main ref, means a
     * published version is gone.
     */
    private static TableClassification classifyObservation(RecoverySidecar sidecar, SidecarTablePin pin,
                                                           TableObservation observation, long published) {
        if (observation.head().isEmpty()) {
            boolean uncreatedFork = sidecar.effectPhase() == EffectPhase.ARMED && pin.tableBranch().isPresent();
            return uncreatedFork ? TableClassification.NO_MOVEMENT : TableClassification.INVARIANT_VIOLATION;
        }
        return classifyTable(sidecar.classificationMode(), sidecar.effectPhase(), pin, observation.head().getAsLong(),
                published);
    }

    private static SweepDecision rollBack(RecoverySidecar sidecar, List<ClassifiedTable> classified, SweepMode mode,
                                          String why) {
        if (mode == SweepMode.ROLL_FORWARD_ONLY) {
            return new RecoveryRequired(sidecar.operationId(), describe(sidecar) + " " + why
                    + "; it needs a roll-back, which only a read-write open performs" + reopenHint());
        }
        List<TableRestore> restores = classified.stream()
                .filter(table -> table.classification().needsRestore())
                .map(table -> new TableRestore(table.pin(), table.observedHead().getAsLong(), table.publishedVersion()))
                .toList();
        List<TableOutcome> outcomes = sidecar.rollbackAuditOutcomes().orElseGet(() -> restores.stream()
                .map(restore -> new TableOutcome(restore.pin().tableKey(), restore.observedHead(), restore.restoreTo()))
                .toList());
        return new RollBack(sidecar.rollbackGraphCommitId(), restores, outcomes);
    }

    private static SweepDecision refuse(SweepMode mode, String operationId, String reason) {
        return mode == SweepMode.FULL
                ? new Abort(operationId, reason + "; operator review required")
                : new RecoveryRequired(operationId, reason + reopenHint());
    }

    /**
     * What an already-landed publish did: from the expected version to the confirmed version (or, for a writer that
     * never confirms, the version the manifest now publishes).
     */
    private static List<TableOutcome> publishedOutcomes(RecoverySidecar sidecar, ManifestObservation manifest) {
        return sidecar.tables().stream()
                .map(pin -> new TableOutcome(pin.tableKey(), pin.expectedVersion(), pin.confirmedVersion().orElseGet(() ->
                        manifest.publishedVersion(pin.tableKey()).orElse(pin.postCommitPin()))))
                .toList();
    }

    private static String describe(RecoverySidecar sidecar) {
        return "recovery sidecar " + sidecar.operationId() + " (" + sidecar.writerKind().jsonName() + " on "
                + sidecar.branch().orElse("main") + ")";
    }

    private static String describeAll(List<ClassifiedTable> tables) {
        return tables.stream().map(ClassifiedTable::describe).collect(Collectors.joining(", "));
    }

    private static String operatorReview(RecoverySidecar sidecar) {
        return "; operator review required (sidecar kept at " + sidecar.relativePath() + ")";
    }

    private static String reopenHint() {
        return "; reopen the graph read-write to recover it";
    }
}
