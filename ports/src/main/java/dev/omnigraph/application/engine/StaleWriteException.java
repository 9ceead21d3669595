package dev.omnigraph.application.engine;

import dev.omnigraph.domain.graph.GraphEngineException;
import dev.omnigraph.domain.graph.GraphErrorKind;
import java.util.Optional;

/**
 * The branch head moved between preparing a replayable write and its first effect; nothing was written.
 * Only thrown to a caller that declared the write replayable ({@link RecoverableWrites#commit}); the caller
 * prepares the write again on the new head ({@link #replaying}).
 */
final class StaleWriteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** How many times a replayable write is prepared in all before a moved head is reported as a conflict. */
    static final int ATTEMPTS = 3;

    StaleWriteException(String branch, Optional<String> preparedHead, Optional<String> currentHead) {
        super("branch '" + branch + "' moved from " + preparedHead.orElse("(none)") + " to "
                + currentHead.orElse("(none)") + " while the write was prepared; nothing was written");
    }

    /** One attempt of a write; {@code replaysLeft} false tells it to report a moved head as a conflict. */
    interface Attempt<T> {
        T run(boolean replaysLeft);
    }

    /**
     * Runs a write, preparing it again from scratch each time its head moved before its first effect, at
     * most {@value #ATTEMPTS} times in all; a write that is not replayable runs once. The attempt decides
     * (with {@code replaysLeft}) whether it throws this exception or a {@code conflict}.
     */
    static <T> T replaying(boolean replayable, Attempt<T> attempt) {
        for (int number = 1; ; number++) {
            try {
                return attempt.run(replayable && number < ATTEMPTS);
            } catch (StaleWriteException moved) {
                if (number >= ATTEMPTS) {
                    throw new GraphEngineException(GraphErrorKind.CONFLICT, moved.getMessage() + "; retry", moved);
                }
            }
        }
    }
}
