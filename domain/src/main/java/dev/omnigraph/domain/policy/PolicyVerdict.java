package dev.omnigraph.domain.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * What a compiled policy engine answered for one request with an actor. {@link EvaluationFailed} is not an
 * engine answer but the caller's record that the engine could not evaluate (a bug or a broken engine); it
 * becomes a 500, never a denial or an allow.
 */
public sealed interface PolicyVerdict {

    /** A rule allows the request; {@code matchedRuleId} is the bundle rule that did (the least id if several). */
    record Permitted(String matchedRuleId) implements PolicyVerdict {
        public Permitted {
            Objects.requireNonNull(matchedRuleId, "matchedRuleId");
        }
    }

    /** No rule allows the request. */
    record NotPermitted(Optional<String> matchedRuleId) implements PolicyVerdict {
        public NotPermitted {
            Objects.requireNonNull(matchedRuleId, "matchedRuleId");
        }

        public static NotPermitted noRule() {
            return new NotPermitted(Optional.empty());
        }
    }

    /** The actor belongs to no group of the bundle; decided before any rule is evaluated. */
    record UnknownActor() implements PolicyVerdict {
    }

    /** The engine failed to evaluate; {@code reason} is its message. */
    record EvaluationFailed(String reason) implements PolicyVerdict {
        public EvaluationFailed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
