package dev.omnigraph.domain.cluster.drift;

import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.ClusterLayout;
import dev.omnigraph.domain.cluster.state.ClusterState;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code cluster refresh} and {@code cluster import}: refresh requires a ledger and always writes
 * (revision + 1, even when nothing changed, including error observations); import requires its
 * absence, starts from {@link ClusterState#initialImport}, writes revision 1, and writes nothing
 * when any error was found.
 */
public enum StateSync {
    REFRESH,
    IMPORT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The refusal when the ledger's presence is wrong for this operation. */
    public Optional<ClusterDiagnostic> precondition(boolean ledgerExists) {
        if (this == REFRESH && !ledgerExists) {
            return Optional.of(ClusterDiagnostic.error(ClusterCodes.STATE_MISSING, ClusterLayout.STATE_FILE,
                    "refresh requires an existing state.json; run `cluster import` to bootstrap state"));
        }
        if (this == IMPORT && ledgerExists) {
            return Optional.of(ClusterDiagnostic.error(ClusterCodes.STATE_ALREADY_EXISTS, ClusterLayout.STATE_FILE,
                    "import creates initial state only when state.json is missing; use `cluster refresh` for an "
                            + "existing state ledger"));
        }
        return Optional.empty();
    }

    /** The ledger to write after observation, or empty when nothing may be written (import with errors). */
    public Optional<ClusterState> ledgerToWrite(ClusterState observed, boolean anyError) {
        if (this == IMPORT) {
            return anyError ? Optional.empty() : Optional.of(observed.withStateRevision(1));
        }
        long revision = observed.stateRevision() == Long.MAX_VALUE ? Long.MAX_VALUE : observed.stateRevision() + 1;
        return Optional.of(observed.withStateRevision(revision));
    }

    /** {@code apply} refuses to run without a ledger (plan treats a missing one as empty). */
    public static ClusterDiagnostic missingForApply() {
        return ClusterDiagnostic.error(ClusterCodes.STATE_MISSING, ClusterLayout.STATE_FILE,
                "apply requires an existing state.json; run `cluster import` to bootstrap state");
    }

    /** {@code approve} refuses to run without a ledger. */
    public static ClusterDiagnostic missingForApprove() {
        return ClusterDiagnostic.error(ClusterCodes.STATE_MISSING, ClusterLayout.STATE_FILE,
                "approve requires an existing state.json; run `cluster import` first");
    }

    /** {@code status} without a ledger: a warning, the command stays ok. */
    public static ClusterDiagnostic missingForStatus() {
        return ClusterDiagnostic.warning(ClusterCodes.STATE_MISSING, ClusterLayout.STATE_FILE,
                "state.json is missing; no applied cluster revision has been recorded");
    }
}
