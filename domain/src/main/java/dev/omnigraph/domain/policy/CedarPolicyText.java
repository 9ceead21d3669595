package dev.omnigraph.domain.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Cedar translation of policy bundles, as text: the schema every compiled bundle is strictly validated
 * against, and one {@code permit} per (rule, action) pair. Pure string generation, so the exact Cedar an
 * engine evaluates is fixed here and tested without an engine.
 *
 * <p>The model (namespace {@value #NAMESPACE}): actors are {@code Actor} entities whose parents are the
 * {@code Group}s listing them; per-graph actions apply to {@code Graph::"<graph id>"}, {@code graph_list} to
 * {@code Server::"root"}; every action takes the {@code RequestContext} record of {@link RequestContext}.
 * A rule becomes
 * <pre>
 * permit (principal in Omnigraph::Group::"g", action == Omnigraph::Action::"a", resource == R)
 * when { C };
 * </pre>
 * where {@code C} is the scope condition ({@code true} for {@code any}; for {@code protected} the request
 * must name the branch and it must be protected; for {@code unprotected} it must name it and it must not
 * be), and a rule without a scope has no {@code when} clause.
 */
public final class CedarPolicyText {

    public static final String NAMESPACE = "Omnigraph";
    public static final String ACTOR_TYPE = NAMESPACE + "::Actor";
    public static final String GROUP_TYPE = NAMESPACE + "::Group";
    public static final String GRAPH_TYPE = NAMESPACE + "::Graph";
    public static final String SERVER_TYPE = NAMESPACE + "::Server";
    public static final String ACTION_TYPE = NAMESPACE + "::Action";

    /** The Cedar schema (human syntax) of the model above. */
    public static final String SCHEMA = schemaText();

    private CedarPolicyText() {
    }

    private static String schemaText() {
        StringBuilder schema = new StringBuilder();
        schema.append("namespace ").append(NAMESPACE).append(" {\n");
        schema.append("  type RequestContext = {\n");
        schema.append("    has_branch: Bool,\n");
        schema.append("    branch: String,\n");
        schema.append("    has_target_branch: Bool,\n");
        schema.append("    target_branch: String,\n");
        schema.append("    branch_is_protected: Bool,\n");
        schema.append("    target_branch_is_protected: Bool,\n");
        schema.append("  };\n\n");
        schema.append("  entity Actor in [Group];\n");
        schema.append("  entity Group;\n");
        schema.append("  entity Graph;\n");
        schema.append("  entity Server;\n\n");
        for (PolicyAction action : PolicyAction.values()) {
            schema.append("  action ").append(literal(action.wireName()))
                    .append(" appliesTo { principal: Actor, resource: ")
                    .append(action.kind() == PolicyKind.SERVER ? "Server" : "Graph")
                    .append(", context: RequestContext };\n");
        }
        schema.append("}\n");
        return schema.toString();
    }

    /**
     * The permits of a bundle compiled for a scope, rule by rule in file order, each rule's actions in the
     * order it lists them.
     *
     * @throws IllegalArgumentException when the bundle does not fit the scope's kind (see
     *     {@link PolicyBundle#bindingProblems}): such a bundle would compile rules that never match
     */
    public static List<CedarPermit> permits(PolicyBundle bundle, PolicyScope scope) {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(scope, "scope");
        List<String> problems = bundle.bindingProblems(scope.kind());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the bundle cannot govern " + scope + ": " + String.join("; ", problems));
        }
        List<CedarPermit> permits = new ArrayList<>();
        for (PolicyRule rule : bundle.rules()) {
            for (PolicyAction action : rule.actions()) {
                permits.add(new CedarPermit(rule.id() + ":" + action.wireName(), rule.id(), action,
                        permitText(rule, action, scope)));
            }
        }
        return List.copyOf(permits);
    }

    /** All permits of a bundle as one policy-set text, separated by blank lines. */
    public static String policySetText(List<CedarPermit> permits) {
        return String.join("\n\n", permits.stream().map(CedarPermit::text).toList());
    }

    static String permitText(PolicyRule rule, PolicyAction action, PolicyScope scope) {
        StringBuilder text = new StringBuilder();
        text.append("permit (\n");
        text.append("  principal in ").append(entity(GROUP_TYPE, rule.group())).append(",\n");
        text.append("  action == ").append(entity(ACTION_TYPE, action.wireName())).append(",\n");
        text.append("  resource == ").append(resource(action, scope)).append("\n");
        text.append(")");
        List<String> conditions = new ArrayList<>();
        rule.branchScope().ifPresent(branchScope -> conditions.add(condition(branchScope, "has_branch",
                "branch_is_protected")));
        rule.targetBranchScope().ifPresent(targetScope -> conditions.add(condition(targetScope, "has_target_branch",
                "target_branch_is_protected")));
        if (!conditions.isEmpty()) {
            text.append("\nwhen { ").append(String.join(" && ", conditions)).append(" }");
        }
        text.append(";");
        return text.toString();
    }

    /** The resource entity an action is evaluated against in a scope's engine. */
    public static String resource(PolicyAction action, PolicyScope scope) {
        return action.kind() == PolicyKind.SERVER
                ? entity(SERVER_TYPE, PolicyScope.SERVER_RESOURCE_ID)
                : entity(GRAPH_TYPE, scope.resourceId());
    }

    /** The id of an action's resource entity in a scope's engine. */
    public static String resourceId(PolicyAction action, PolicyScope scope) {
        return action.kind() == PolicyKind.SERVER ? PolicyScope.SERVER_RESOURCE_ID : scope.resourceId();
    }

    /** The Cedar type of an action's resource entity. */
    public static String resourceType(PolicyAction action) {
        return action.kind() == PolicyKind.SERVER ? SERVER_TYPE : GRAPH_TYPE;
    }

    static String condition(BranchScope scope, String presence, String protection) {
        return switch (scope) {
            case ANY -> "true";
            case PROTECTED -> "context." + presence + " && context." + protection;
            case UNPROTECTED -> "context." + presence + " && context." + protection + " == false";
        };
    }

    /** {@code Type::"id"} with the id as a Cedar string literal. */
    public static String entity(String type, String id) {
        return type + "::" + literal(id);
    }

    /**
     * A Cedar string literal: double quotes around the text with {@code \\}, {@code "} and control characters
     * escaped ({@code \n}, {@code \r}, {@code \t}, {@code \0}, else a braced hexadecimal unicode escape), so ids from a bundle file
     * can never end the literal or inject policy text.
     */
    public static String literal(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0 -> out.append("\\0");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append("\\u{").append(Integer.toHexString(c)).append('}');
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
