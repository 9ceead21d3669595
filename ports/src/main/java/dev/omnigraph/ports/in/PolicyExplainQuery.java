package dev.omnigraph.ports.in;

import dev.omnigraph.domain.Arguments;
import java.util.Objects;
import java.util.Optional;

/** A request to decide: an actor, an action by its wire name ({@code read}, {@code branch_merge}, …) and branches. */
public record PolicyExplainQuery(PolicyBundleQuery bundle, String actor, String action, Optional<String> branch,
                                 Optional<String> targetBranch) {
    public PolicyExplainQuery {
        Objects.requireNonNull(bundle, "bundle");
        Arguments.requireText(actor, "actor");
        Arguments.requireText(action, "action");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(targetBranch, "targetBranch");
    }
}
