package dev.omnigraph.domain.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * One authorization question: may {@code actor} perform {@code action}, on {@code branch} (the branch read
 * or written) and/or targeting {@code targetBranch} (the branch created, replaced, deleted or merged into)?
 * The routes fill branch and target as the serving contract lists them (a read of {@code main} carries
 * {@code branch=main}; a merge carries source and target; a branch delete only its target).
 *
 * <p>{@code actor} is the id an authenticated bearer token resolved to, never a client-supplied value;
 * it is empty on an open server or when no token was presented.
 */
public record AccessRequest(Optional<String> actor, PolicyAction action, Optional<String> branch,
                            Optional<String> targetBranch) {

    public AccessRequest {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(targetBranch, "targetBranch");
    }

    /** A request without branch context ({@code graph_list}, {@code invoke_query}, schema reads). */
    public static AccessRequest of(Optional<String> actor, PolicyAction action) {
        return new AccessRequest(actor, action, Optional.empty(), Optional.empty());
    }

    public AccessRequest onBranch(String name) {
        return new AccessRequest(actor, action, Optional.of(name), targetBranch);
    }

    public AccessRequest targeting(String name) {
        return new AccessRequest(actor, action, branch, Optional.of(name));
    }

    public AccessRequest as(String actorId) {
        return new AccessRequest(Optional.of(actorId), action, branch, targetBranch);
    }
}
