package dev.omnigraph.domain.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A validated policy bundle ({@code *.policy.yaml}, format version {@value #VERSION}): named groups of
 * actor ids, the protected branch names that {@code protected}/{@code unprotected} scopes refer to, and
 * allow rules. An instance always satisfies every rule of the format (see the constructor), so engines
 * compile it without re-checking; {@link PolicyBundleReader} turns a file into one and reports every
 * violation with its key path.
 *
 * <p>{@code declaredKind} is the optional {@code kind: graph|server} key. The reference's bundle has no
 * such key; this build accepts it because the shared corpus carries {@code kind: server}, and gives it a
 * meaning that can only narrow what a bundle may contain: every action must be of the declared kind, and
 * the bundle must be bound accordingly ({@link #bindingProblems}).
 */
public record PolicyBundle(Optional<PolicyKind> declaredKind, SortedMap<String, List<String>> groups,
                           List<String> protectedBranches, List<PolicyRule> rules) {

    /** The only bundle format version. */
    public static final int VERSION = 1;

    /**
     * @throws IllegalArgumentException listing every violated format rule (blank or empty groups, blank
     *     members or protected branch names, blank or duplicate rule ids, undeclared groups, rules without
     *     actions or with a repeated action, both scopes, a scope on an action that takes none, a rule mixing
     *     server-scoped and per-graph actions, an action not of the declared kind)
     */
    public PolicyBundle {
        Objects.requireNonNull(declaredKind, "declaredKind");
        TreeMap<String, List<String>> copy = new TreeMap<>();
        groups.forEach((name, members) -> copy.put(Objects.requireNonNull(name, "group name"), List.copyOf(members)));
        groups = Collections.unmodifiableSortedMap(copy);
        protectedBranches = List.copyOf(protectedBranches);
        rules = List.copyOf(rules);
        List<String> problems = PolicyBundleRules.problems(declaredKind, groups, true, protectedBranches,
                positioned(rules));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid policy bundle: " + String.join("; ", problems));
        }
    }

    /** A bundle without a declared kind. */
    public static PolicyBundle of(Map<String, List<String>> groups, List<String> protectedBranches,
                                  List<PolicyRule> rules) {
        return new PolicyBundle(Optional.empty(), new TreeMap<>(groups), protectedBranches, rules);
    }

    /** Every actor that belongs to at least one group, sorted; anyone else is an unknown actor. */
    public SortedSet<String> knownActors() {
        SortedSet<String> actors = new TreeSet<>();
        groups.values().forEach(actors::addAll);
        return Collections.unmodifiableSortedSet(actors);
    }

    public boolean isKnownActor(String actor) {
        return groups.values().stream().anyMatch(members -> members.contains(actor));
    }

    /** The groups an actor belongs to, sorted (its Cedar parents). */
    public SortedSet<String> groupsOf(String actor) {
        SortedSet<String> memberOf = new TreeSet<>();
        groups.forEach((name, members) -> {
            if (members.contains(actor)) {
                memberOf.add(name);
            }
        });
        return Collections.unmodifiableSortedSet(memberOf);
    }

    public boolean isProtected(String branch) {
        return protectedBranches.contains(branch);
    }

    /** Whether any rule allows an action of the given kind. */
    public boolean mentions(PolicyKind kind) {
        return rules.stream().flatMap(rule -> rule.actions().stream()).anyMatch(action -> action.kind() == kind);
    }

    /**
     * What keeps this bundle from being served as the given kind: bound to {@code cluster} (server) it may
     * only allow {@code graph_list}; bound to graphs it may not allow {@code graph_list}; a declared
     * {@code kind} must match. Empty when the bundle fits. Problems read {@code <key path>: <reason>}.
     */
    public List<String> bindingProblems(PolicyKind boundAs) {
        Objects.requireNonNull(boundAs, "boundAs");
        return PolicyBundleRules.bindingProblems(declaredKind, positioned(rules), boundAs);
    }

    private static List<PolicyBundleRules.PositionedRule> positioned(List<PolicyRule> rules) {
        List<PolicyBundleRules.PositionedRule> positioned = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            positioned.add(new PolicyBundleRules.PositionedRule(i, rules.get(i)));
        }
        return positioned;
    }
}
