package dev.omnigraph.domain.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code rules[]} entry of a bundle: the members of {@code group} may perform {@code actions}, on
 * branches admitted by {@code branchScope} or targeting branches admitted by {@code targetBranchScope}
 * (at most one of the two; neither means no branch condition). Only allows exist: anything no rule
 * allows is denied.
 *
 * <p>This record checks only presence; the rules that make a rule well-formed (declared group, scope and
 * action compatibility, one resource kind) are checked by {@link PolicyBundle}, which owns the context.
 */
public record PolicyRule(String id, String group, List<PolicyAction> actions, Optional<BranchScope> branchScope,
                         Optional<BranchScope> targetBranchScope) {

    public PolicyRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(group, "group");
        actions = List.copyOf(actions);
        Objects.requireNonNull(branchScope, "branchScope");
        Objects.requireNonNull(targetBranchScope, "targetBranchScope");
    }

    /** A rule without a branch condition. */
    public static PolicyRule allow(String id, String group, PolicyAction... actions) {
        return new PolicyRule(id, group, List.of(actions), Optional.empty(), Optional.empty());
    }

    public PolicyRule withBranchScope(BranchScope scope) {
        return new PolicyRule(id, group, actions, Optional.of(scope), targetBranchScope);
    }

    public PolicyRule withTargetBranchScope(BranchScope scope) {
        return new PolicyRule(id, group, actions, branchScope, Optional.of(scope));
    }
}
