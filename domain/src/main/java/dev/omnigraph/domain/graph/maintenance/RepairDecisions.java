package dev.omnigraph.domain.graph.maintenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code repair}'s two decisions for one table: how to judge the versions between its published version
 * and its head, and what to do about them given the operator's flags. Repair never rewrites data; the
 * only effect it may take is publishing an existing head.
 */
public final class RepairDecisions {

    private RepairDecisions() {}

    /**
     * The judgement of one table's drift.
     *
     * @param operations the recorded operation names of the unpublished versions, oldest first, up to the
     *     first unreadable one
     * @param error why the drift is unverifiable, when it is
     */
    public record Judgement(RepairClassification classification, List<String> operations, Optional<String> error) {
        public Judgement {
            Objects.requireNonNull(classification, "classification");
            operations = List.copyOf(operations);
            Objects.requireNonNull(error, "error");
            if (error.isPresent() != (classification == RepairClassification.UNVERIFIABLE)) {
                throw new IllegalArgumentException("exactly an unverifiable judgement carries an error");
            }
        }
    }

    /**
     * Judges the versions {@code published+1 … head} from their evidence. Only content-preserving
     * operations make drift verified maintenance; the first version without a readable record makes it
     * unverifiable (the reference stops reading there), whatever came before.
     *
     * @param evidence what storage recorded for the unpublished versions; a version missing from it counts
     *     as unreadable
     */
    public static Judgement judge(long published, long head, List<DriftEvidence> evidence) {
        if (head <= published) {
            return new Judgement(RepairClassification.NO_DRIFT, List.of(), Optional.empty());
        }
        List<String> operations = new ArrayList<>();
        boolean contentMayHaveChanged = false;
        for (long version = published + 1; version <= head; version++) {
            DriftEvidence found = find(evidence, version);
            if (found instanceof DriftEvidence.Recorded recorded) {
                operations.add(recorded.operation());
                contentMayHaveChanged |= !recorded.preservesContent();
            } else {
                String reason = found instanceof DriftEvidence.Unreadable unreadable ? unreadable.reason()
                        : "missing transaction record for version " + version;
                return new Judgement(RepairClassification.UNVERIFIABLE, operations, Optional.of(reason));
            }
        }
        return new Judgement(contentMayHaveChanged ? RepairClassification.SUSPICIOUS
                : RepairClassification.VERIFIED_MAINTENANCE, operations, Optional.empty());
    }

    private static DriftEvidence find(List<DriftEvidence> evidence, long version) {
        for (DriftEvidence candidate : evidence) {
            if (candidate.version() == version) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * What repair does: previews without {@code confirm}; with it publishes verified maintenance, and
     * suspicious or unverifiable drift only when {@code force} is set too (refusing it otherwise).
     *
     * @throws IllegalArgumentException for {@code force} without {@code confirm}
     */
    public static RepairAction action(RepairClassification classification, boolean confirm, boolean force) {
        requireConfirmForForce(confirm, force);
        if (classification == RepairClassification.NO_DRIFT) {
            return RepairAction.NO_OP;
        }
        if (!confirm) {
            return RepairAction.PREVIEW;
        }
        if (classification == RepairClassification.VERIFIED_MAINTENANCE) {
            return RepairAction.HEALED;
        }
        return force ? RepairAction.FORCED : RepairAction.REFUSED;
    }

    /** The reference refuses {@code --force} on its own: forcing a preview would mean nothing. */
    public static void requireConfirmForForce(boolean confirm, boolean force) {
        if (force && !confirm) {
            throw new IllegalArgumentException("repair --force requires --confirm");
        }
    }

    /** The actor repair publishes under: forced publications are told apart in the commit history. */
    public static String actor(boolean anyForced) {
        return anyForced ? "omnigraph:repair:force" : "omnigraph:repair";
    }
}
