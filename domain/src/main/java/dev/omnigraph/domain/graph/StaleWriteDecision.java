package dev.omnigraph.domain.graph;

import java.util.Objects;
import java.util.Optional;

/**
 * What a writer does when it is about to take its first effect (or lost a storage race before taking
 * any) and the branch head may have moved since it prepared the write against a snapshot (engine notes
 * §8.5 invariant 3: writers revalidate the authority they prepared against; retries start fresh). Inside
 * one process the writer gate makes this a formality; between processes it is what keeps a write from
 * publishing a decision taken on state that no longer exists.
 */
public sealed interface StaleWriteDecision {

    /** The head is the one the write was prepared against: go on. */
    record Proceed() implements StaleWriteDecision {
    }

    /** A conditional write's expected head is no longer the head: nothing is written. */
    record PreconditionFailed(String expected, Optional<String> actual) implements StaleWriteDecision {
        public PreconditionFailed {
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(actual, "actual");
        }
    }

    /** The head moved and the write may be prepared again from scratch on the new head. */
    record Replay() implements StaleWriteDecision {
    }

    /** The head moved and replaying is not allowed (or the replays are used up): nothing is written. */
    record Conflict(Optional<String> preparedHead, Optional<String> currentHead) implements StaleWriteDecision {
        public Conflict {
            Objects.requireNonNull(preparedHead, "preparedHead");
            Objects.requireNonNull(currentHead, "currentHead");
        }
    }

    /**
     * @param expectedHead the caller's precondition ({@code --if-commit}), if any: it wins over replaying,
     *     because a conditional write promised to apply to exactly that head
     * @param preparedHead the head of the snapshot the write was prepared against
     * @param currentHead the head now
     * @param replayable whether preparing the write again on the new head keeps the caller's intent (loads and
     *     insert-only mutations do; an update or delete computed from rows that changed would not), and a
     *     replay is still allowed
     */
    static StaleWriteDecision decide(Optional<String> expectedHead, Optional<String> preparedHead,
                                     Optional<String> currentHead, boolean replayable) {
        Objects.requireNonNull(expectedHead, "expectedHead");
        Objects.requireNonNull(preparedHead, "preparedHead");
        Objects.requireNonNull(currentHead, "currentHead");
        if (expectedHead.isPresent() && !expectedHead.equals(currentHead)) {
            return new PreconditionFailed(expectedHead.get(), currentHead);
        }
        if (preparedHead.equals(currentHead)) {
            return new Proceed();
        }
        return replayable ? new Replay() : new Conflict(preparedHead, currentHead);
    }
}
