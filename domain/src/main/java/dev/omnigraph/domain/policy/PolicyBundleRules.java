package dev.omnigraph.domain.policy;

import dev.omnigraph.domain.cluster.StrictDocumentReader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The semantic rules of a policy bundle (everything beyond its shape), as one pure function that lists
 * every violation instead of stopping at the first. Each problem reads {@code <key path>: <reason>}, the
 * key path locating the offending key in the bundle file ({@code rules[2].allow.branch_scope}).
 */
final class PolicyBundleRules {

    private PolicyBundleRules() {
    }

    /** A rule together with its position in the file, so problems point at the right {@code rules[i]}. */
    record PositionedRule(int position, PolicyRule rule) {
    }

    /**
     * @param groupsComplete false when the {@code groups} mapping had shape errors: references to
     *     undeclared groups are then not reported, since the group may be one that could not be read
     */
    static List<String> problems(Optional<PolicyKind> declaredKind, Map<String, List<String>> groups,
                                 boolean groupsComplete, List<String> protectedBranches,
                                 List<PositionedRule> rules) {
        List<String> problems = new ArrayList<>();
        groups.forEach((name, members) -> {
            if (name.isBlank()) {
                problems.add("groups: group names must not be blank");
                return;
            }
            String path = StrictDocumentReader.child("groups", name);
            if (members.isEmpty()) {
                problems.add(path + ": group '" + name + "' must list at least one actor");
            }
            for (int i = 0; i < members.size(); i++) {
                if (members.get(i).isBlank()) {
                    problems.add(StrictDocumentReader.index(path, i) + ": group '" + name
                            + "' contains a blank actor id");
                }
            }
        });
        for (int i = 0; i < protectedBranches.size(); i++) {
            if (protectedBranches.get(i).isBlank()) {
                problems.add(StrictDocumentReader.index("protected_branches", i)
                        + ": protected branch names must not be blank");
            }
        }
        Map<String, Integer> firstPositionOfId = new HashMap<>();
        for (PositionedRule positioned : rules) {
            ruleProblems(positioned, declaredKind, groups, groupsComplete, firstPositionOfId, problems);
        }
        return problems;
    }

    private static void ruleProblems(PositionedRule positioned, Optional<PolicyKind> declaredKind,
                                     Map<String, List<String>> groups, boolean groupsComplete,
                                     Map<String, Integer> firstPositionOfId, List<String> problems) {
        PolicyRule rule = positioned.rule();
        String path = StrictDocumentReader.index("rules", positioned.position());
        String allow = path + ".allow";
        String label = "rule '" + rule.id() + "'";

        if (rule.id().isBlank()) {
            problems.add(path + ".id: rule ids must not be blank");
        } else {
            Integer first = firstPositionOfId.putIfAbsent(rule.id(), positioned.position());
            if (first != null) {
                problems.add(path + ".id: duplicate rule id '" + rule.id() + "' (already used by rules[" + first
                        + "])");
            }
        }

        if (rule.group().isBlank()) {
            problems.add(allow + ".actors.group: " + label + " must name a group");
        } else if (groupsComplete && !groups.containsKey(rule.group())) {
            problems.add(allow + ".actors.group: " + label + " names the undeclared group '" + rule.group()
                    + "' (declared groups: " + (groups.isEmpty() ? "none" : String.join(", ", new TreeSet<>(groups.keySet())))
                    + ")");
        }

        String actionsPath = allow + ".actions";
        if (rule.actions().isEmpty()) {
            problems.add(actionsPath + ": " + label + " must list at least one action");
        }
        Set<PolicyAction> seen = new HashSet<>();
        for (int k = 0; k < rule.actions().size(); k++) {
            PolicyAction action = rule.actions().get(k);
            if (!seen.add(action)) {
                problems.add(StrictDocumentReader.index(actionsPath, k) + ": " + label + " lists action '" + action
                        + "' more than once");
            }
        }

        if (rule.branchScope().isPresent() && rule.targetBranchScope().isPresent()) {
            problems.add(allow + ": " + label
                    + " sets both branch_scope and target_branch_scope; a rule may use only one of them");
        }
        if (rule.branchScope().isPresent()) {
            scopeProblems(rule, label, allow + ".branch_scope", "branch_scope", false, problems);
        }
        if (rule.targetBranchScope().isPresent()) {
            scopeProblems(rule, label, allow + ".target_branch_scope", "target_branch_scope", true, problems);
        }

        List<PolicyAction> graphActions = rule.actions().stream().filter(a -> a.kind() == PolicyKind.GRAPH).toList();
        List<PolicyAction> serverActions = rule.actions().stream().filter(a -> a.kind() == PolicyKind.SERVER).toList();
        if (!graphActions.isEmpty() && !serverActions.isEmpty()) {
            problems.add(actionsPath + ": " + label + " mixes the server-scoped action " + quoted(serverActions)
                    + " with per-graph actions (" + quoted(graphActions)
                    + "); split them into separate rules, and the server-scoped one into a bundle bound to cluster");
        }

        declaredKind.ifPresent(kind -> kindProblems(rule, positioned.position(), kind,
                "a bundle declaring kind '" + kind.wireName() + "'", problems));
    }

    private static void scopeProblems(PolicyRule rule, String label, String path, String key, boolean targetScope,
                                      List<String> problems) {
        for (PolicyAction action : rule.actions()) {
            boolean accepted = targetScope ? action.acceptsTargetBranchScope() : action.acceptsBranchScope();
            if (accepted) {
                continue;
            }
            String reason = action.kind() == PolicyKind.SERVER
                    ? "server-scoped actions have no branch context"
                    : key + " applies only to " + String.join(", ", PolicyAction.wireNamesAccepting(targetScope));
            problems.add(path + ": " + label + " uses " + key + " with the " + action.kind().adjective()
                    + " action '" + action + "'; " + reason);
        }
    }

    /**
     * Actions of a rule that do not belong in a bundle of the given kind: a graph bundle never sees a
     * {@code graph_list} request and a server bundle never sees a per-graph one, so such a rule would
     * compile and silently never match.
     */
    static void kindProblems(PolicyRule rule, int position, PolicyKind kind, String bundleDescription,
                             List<String> problems) {
        String actionsPath = StrictDocumentReader.index("rules", position) + ".allow.actions";
        for (int k = 0; k < rule.actions().size(); k++) {
            PolicyAction action = rule.actions().get(k);
            if (action.kind() == kind) {
                continue;
            }
            String remedy = action.kind() == PolicyKind.SERVER
                    ? "move it to a bundle bound to cluster"
                    : "move it to a bundle bound to graphs";
            problems.add(StrictDocumentReader.index(actionsPath, k) + ": rule '" + rule.id() + "' uses the "
                    + action.kind().adjective() + " action '" + action + "' in " + bundleDescription + "; " + remedy);
        }
    }

    /** See {@link PolicyBundle#bindingProblems}; positions keep the file's rule indices. */
    static List<String> bindingProblems(Optional<PolicyKind> declaredKind, List<PositionedRule> rules,
                                        PolicyKind boundAs) {
        List<String> problems = new ArrayList<>();
        String binding = boundAs == PolicyKind.SERVER ? "to cluster" : "to graphs";
        declaredKind.filter(kind -> kind != boundAs).ifPresent(kind -> problems.add("kind: the bundle declares kind '"
                + kind.wireName() + "' but is bound " + binding));
        for (PositionedRule positioned : rules) {
            kindProblems(positioned.rule(), positioned.position(), boundAs,
                    "a " + boundAs.wireName() + " policy bundle (bound " + binding + ")", problems);
        }
        return problems;
    }

    private static String quoted(List<PolicyAction> actions) {
        return actions.stream().map(action -> "'" + action + "'").collect(Collectors.joining(", "));
    }
}
