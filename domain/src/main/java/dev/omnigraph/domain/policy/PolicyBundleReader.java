package dev.omnigraph.domain.policy;

import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.StrictDocumentReader;
import dev.omnigraph.domain.cluster.config.DuplicateYamlKeyScanner;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static dev.omnigraph.domain.cluster.StrictDocumentReader.child;
import static dev.omnigraph.domain.cluster.StrictDocumentReader.index;

/**
 * Reads a policy bundle file strictly (the reference's {@code deny_unknown_fields} at every level) from the
 * generic tree the YAML port produced, then checks every format rule, and reports all problems of the file
 * at once, each with its key path: unknown keys, missing keys, wrong types, unknown actions or scopes,
 * repeated YAML keys (a repeated {@code rules:} would otherwise silently drop rules), and the semantic
 * rules of {@link PolicyBundle}. Given the kind the bundle is bound as, also whether it fits that binding.
 *
 * <p>Shape: {@code version} (required, must be {@value PolicyBundle#VERSION}), {@code kind}
 * ({@code graph|server}, optional), {@code groups} (map of group name to actor ids), {@code
 * protected_branches} (list), {@code rules} (list of {@code {id, allow: {actors: {group}, actions,
 * branch_scope?, target_branch_scope?}}}). Absent or empty {@code groups}, {@code protected_branches} and
 * {@code rules} read as empty.
 */
public final class PolicyBundleReader {

    static final List<String> TOP_LEVEL = List.of("version", "kind", "groups", "protected_branches", "rules");
    static final List<String> RULE_FIELDS = List.of("id", "allow");
    static final List<String> ALLOW_FIELDS = List.of("actors", "actions", "branch_scope", "target_branch_scope");
    static final List<String> ACTOR_FIELDS = List.of("group");

    private PolicyBundleReader() {
    }

    /**
     * Reads a bundle from its raw text and its parse.
     *
     * @param file how messages name the file
     * @param text the raw YAML text, scanned for repeated keys the parse has silently merged
     * @param tree the YAML port's tree of {@code text}
     * @param boundAs the kind the bundle is bound as, when known; empty checks the format only
     */
    public static PolicyBundleRead read(String file, String text, JsonValue tree, Optional<PolicyKind> boundAs) {
        List<String> duplicateKeys = new ArrayList<>();
        for (ClusterDiagnostic duplicate : DuplicateYamlKeyScanner.scan(text)) {
            duplicateKeys.add(duplicate.path() + ": " + duplicate.message());
        }
        PolicyBundleRead read = read(file, tree, boundAs);
        if (duplicateKeys.isEmpty()) {
            return read;
        }
        if (read instanceof PolicyBundleRead.Invalid invalid) {
            duplicateKeys.addAll(invalid.problems());
        }
        return new PolicyBundleRead.Invalid(file, duplicateKeys);
    }

    /** Reads an already parsed bundle (no raw text, so no repeated-key scan). */
    public static PolicyBundleRead read(String file, JsonValue tree, Optional<PolicyKind> boundAs) {
        StrictDocumentReader reader = new StrictDocumentReader();
        Draft draft = readDraft(reader, tree);
        List<String> problems = new ArrayList<>(reader.problems());
        if (draft == null) {
            return new PolicyBundleRead.Invalid(file, problems);
        }
        if (draft.version != null && draft.version != PolicyBundle.VERSION) {
            problems.add("version: policy version must be " + PolicyBundle.VERSION + " (found " + draft.version + ")");
        }
        problems.addAll(PolicyBundleRules.problems(draft.kind, draft.groups, draft.groupsComplete,
                draft.protectedBranches, draft.rules));
        boundAs.ifPresent(kind -> problems.addAll(PolicyBundleRules.bindingProblems(draft.kind, draft.rules, kind)));
        if (!problems.isEmpty()) {
            return new PolicyBundleRead.Invalid(file, problems);
        }
        return new PolicyBundleRead.Valid(new PolicyBundle(draft.kind, new TreeMap<>(draft.groups),
                draft.protectedBranches, draft.rules.stream().map(PolicyBundleRules.PositionedRule::rule).toList()));
    }

    /** What could be read; rules that had a shape problem are left out (their problem is already recorded). */
    private static final class Draft {
        Long version;
        Optional<PolicyKind> kind = Optional.empty();
        final Map<String, List<String>> groups = new LinkedHashMap<>();
        boolean groupsComplete = true;
        final List<String> protectedBranches = new ArrayList<>();
        final List<PolicyBundleRules.PositionedRule> rules = new ArrayList<>();
    }

    private static Draft readDraft(StrictDocumentReader reader, JsonValue tree) {
        JsonObject root = reader.struct(tree, "", "PolicyConfig", TOP_LEVEL, false);
        if (root == null) {
            return null;
        }
        Draft draft = new Draft();
        JsonValue version = reader.required(root, "version", "");
        if (version != null) {
            draft.version = reader.u32(version, "version");
        }
        reader.optional(root, "kind").ifPresent(value -> {
            String kind = reader.variant(value, "kind", PolicyKind.wireNames());
            draft.kind = kind == null ? Optional.empty() : PolicyKind.fromWireName(kind);
        });
        readGroups(reader, root, draft);
        reader.optional(root, "protected_branches").ifPresent(value -> {
            List<JsonValue> branches = reader.sequence(value, "protected_branches", true);
            for (int i = 0; branches != null && i < branches.size(); i++) {
                String branch = reader.string(branches.get(i), index("protected_branches", i));
                if (branch != null) {
                    draft.protectedBranches.add(branch);
                }
            }
        });
        reader.optional(root, "rules").ifPresent(value -> {
            List<JsonValue> rules = reader.sequence(value, "rules", true);
            for (int i = 0; rules != null && i < rules.size(); i++) {
                PolicyRule rule = readRule(reader, rules.get(i), index("rules", i));
                if (rule != null) {
                    draft.rules.add(new PolicyBundleRules.PositionedRule(i, rule));
                }
            }
        });
        return draft;
    }

    private static void readGroups(StrictDocumentReader reader, JsonObject root, Draft draft) {
        Optional<JsonValue> value = reader.optional(root, "groups");
        if (value.isEmpty()) {
            return;
        }
        int before = reader.problems().size();
        JsonObject groups = reader.map(value.get(), "groups", true);
        if (groups != null) {
            groups.members().forEach((name, membersValue) -> {
                String path = child("groups", name);
                List<JsonValue> members = reader.sequence(membersValue, path, false);
                if (members == null) {
                    return;
                }
                List<String> actors = new ArrayList<>();
                for (int i = 0; i < members.size(); i++) {
                    String actor = reader.string(members.get(i), index(path, i));
                    if (actor != null) {
                        actors.add(actor);
                    }
                }
                draft.groups.put(name, actors);
            });
        }
        draft.groupsComplete = reader.problems().size() == before;
    }

    private static PolicyRule readRule(StrictDocumentReader reader, JsonValue value, String path) {
        int before = reader.problems().size();
        JsonObject rule = reader.struct(value, path, "PolicyRule", RULE_FIELDS, false);
        if (rule == null) {
            return null;
        }
        String id = reader.requiredString(rule, "id", path);
        JsonValue allowValue = reader.required(rule, "allow", path);
        String allowPath = child(path, "allow");
        JsonObject allow = allowValue == null ? null
                : reader.struct(allowValue, allowPath, "PolicyAllowRule", ALLOW_FIELDS, false);
        if (allow == null) {
            return null;
        }
        String group = null;
        JsonValue actorsValue = reader.required(allow, "actors", allowPath);
        if (actorsValue != null) {
            String actorsPath = child(allowPath, "actors");
            JsonObject actors = reader.struct(actorsValue, actorsPath, "PolicyActorSelector", ACTOR_FIELDS, false);
            if (actors != null) {
                group = reader.requiredString(actors, "group", actorsPath);
            }
        }
        List<PolicyAction> actions = new ArrayList<>();
        JsonValue actionsValue = reader.required(allow, "actions", allowPath);
        if (actionsValue != null) {
            String actionsPath = child(allowPath, "actions");
            List<JsonValue> listed = reader.sequence(actionsValue, actionsPath, false);
            for (int k = 0; listed != null && k < listed.size(); k++) {
                String action = reader.variant(listed.get(k), index(actionsPath, k), PolicyAction.wireNames());
                if (action != null) {
                    actions.add(PolicyAction.fromWireName(action).orElseThrow());
                }
            }
        }
        Optional<BranchScope> branchScope = scope(reader, allow, "branch_scope", allowPath);
        Optional<BranchScope> targetBranchScope = scope(reader, allow, "target_branch_scope", allowPath);
        if (reader.problems().size() != before) {
            return null;
        }
        return new PolicyRule(id, group, actions, branchScope, targetBranchScope);
    }

    private static Optional<BranchScope> scope(StrictDocumentReader reader, JsonObject allow, String key,
                                               String allowPath) {
        return reader.optional(allow, key)
                .map(value -> reader.variant(value, child(allowPath, key), BranchScope.wireNames()))
                .flatMap(BranchScope::fromWireName);
    }
}
