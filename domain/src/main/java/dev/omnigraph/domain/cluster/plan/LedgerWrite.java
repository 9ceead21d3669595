package dev.omnigraph.domain.cluster.plan;

import dev.omnigraph.domain.cluster.state.ClusterState;

import java.util.Objects;

/**
 * Whether an apply run writes the ledger: only when the state it ends with differs from the
 * state it read (sweep mutations count), and then with the revision incremented. A converged
 * re-apply writes nothing and leaves the bytes identical.
 */
public sealed interface LedgerWrite {

    record Unchanged() implements LedgerWrite {
    }

    record Write(ClusterState state) implements LedgerWrite {
        public Write {
            Objects.requireNonNull(state, "state");
        }
    }

    static LedgerWrite decide(ClusterState asRead, ClusterState next) {
        if (next.equals(asRead)) {
            return new Unchanged();
        }
        long revision = next.stateRevision() == Long.MAX_VALUE ? Long.MAX_VALUE : next.stateRevision() + 1;
        return new Write(next.withStateRevision(revision));
    }
}
