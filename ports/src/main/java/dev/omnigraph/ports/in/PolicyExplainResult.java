package dev.omnigraph.ports.in;

import java.util.Objects;
import java.util.Optional;

/**
 * @param allowed the decision
 * @param matchedRule the rule that allowed (or the least rule id among several), when one decided
 * @param message the decision in the server's words ({@code policy allowed action 'read' for actor 'act-alice'})
 * @param refusal why nothing could be decided (no bundle, an unknown action, an action of the other scope)
 */
public record PolicyExplainResult(boolean allowed, Optional<String> matchedRule, String message, Optional<String> refusal) {
    public PolicyExplainResult {
        Objects.requireNonNull(matchedRule, "matchedRule");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(refusal, "refusal");
    }

    public static PolicyExplainResult refused(String why) {
        return new PolicyExplainResult(false, Optional.empty(), "", Optional.of(why));
    }
}
