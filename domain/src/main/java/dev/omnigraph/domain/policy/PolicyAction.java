package dev.omnigraph.domain.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The closed vocabulary of actions a policy can allow, with their wire names (the spelling in bundle files,
 * Cedar action ids and logs), the resource kind each applies to, and which branch scope a rule may qualify
 * it with.
 *
 * <p>Scope compatibility is part of the contract because a scope the request never carries would make a
 * rule silently dead: {@code branch_scope} qualifies the actions that act on one branch ({@code read},
 * {@code export}, {@code change}); {@code target_branch_scope} the ones that create, replace or remove a
 * destination branch ({@code branch_create}, {@code schema_apply}, {@code branch_delete},
 * {@code branch_merge}); {@code admin}, {@code invoke_query} and {@code graph_list} take neither.
 * {@code admin} is reserved (no request asks for it yet); {@code invoke_query} admits any stored query of
 * the graph, the query body being gated again by {@code read} or {@code change}.
 */
public enum PolicyAction {
    READ("read", PolicyKind.GRAPH),
    EXPORT("export", PolicyKind.GRAPH),
    CHANGE("change", PolicyKind.GRAPH),
    SCHEMA_APPLY("schema_apply", PolicyKind.GRAPH),
    BRANCH_CREATE("branch_create", PolicyKind.GRAPH),
    BRANCH_DELETE("branch_delete", PolicyKind.GRAPH),
    BRANCH_MERGE("branch_merge", PolicyKind.GRAPH),
    ADMIN("admin", PolicyKind.GRAPH),
    INVOKE_QUERY("invoke_query", PolicyKind.GRAPH),
    GRAPH_LIST("graph_list", PolicyKind.SERVER);

    private final String wireName;
    private final PolicyKind kind;

    PolicyAction(String wireName, PolicyKind kind) {
        this.wireName = wireName;
        this.kind = kind;
    }

    public String wireName() {
        return wireName;
    }

    /** The resource kind the action applies to; also the only kind of bundle it may appear in. */
    public PolicyKind kind() {
        return kind;
    }

    /** Whether a rule may qualify this action with {@code branch_scope}. */
    public boolean acceptsBranchScope() {
        return this == READ || this == EXPORT || this == CHANGE;
    }

    /** Whether a rule may qualify this action with {@code target_branch_scope}. */
    public boolean acceptsTargetBranchScope() {
        return this == BRANCH_CREATE || this == SCHEMA_APPLY || this == BRANCH_DELETE || this == BRANCH_MERGE;
    }

    public static Optional<PolicyAction> fromWireName(String text) {
        return Arrays.stream(values()).filter(action -> action.wireName.equals(text)).findFirst();
    }

    /** Every wire name, in declaration order (the order messages list them in). */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(PolicyAction::wireName).toList();
    }

    /** The wire names of the actions that accept the given scope key, for messages. */
    static List<String> wireNamesAccepting(boolean targetScope) {
        return Arrays.stream(values())
                .filter(action -> targetScope ? action.acceptsTargetBranchScope() : action.acceptsBranchScope())
                .map(PolicyAction::wireName)
                .toList();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
