package dev.omnigraph.domain.policy;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A policy test file ({@code omnigraph policy test --tests F}), read strictly like the reference (unknown keys are
 * refused at every level): {@code version: 1} and {@code cases}, each {@code {id, actor, action, branch?,
 * target_branch?, expect: allow|deny}}.
 */
public record PolicyTestSuite(List<Case> cases) {

    static final List<String> TOP_LEVEL = List.of("version", "cases");
    static final List<String> CASE_FIELDS = List.of("id", "actor", "action", "branch", "target_branch", "expect");

    public PolicyTestSuite {
        cases = List.copyOf(cases);
    }

    /** One expectation: the actor's request is allowed, or denied. */
    public record Case(String id, String actor, PolicyAction action, Optional<String> branch,
                       Optional<String> targetBranch, boolean expectAllowed) {
        public Case {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(targetBranch, "targetBranch");
        }

        /** The request this case asks about. */
        public AccessRequest request() {
            AccessRequest request = AccessRequest.of(Optional.of(actor), action);
            if (branch.isPresent()) {
                request = request.onBranch(branch.get());
            }
            return targetBranch.isPresent() ? request.targeting(targetBranch.get()) : request;
        }
    }

    /**
     * @param file how messages name the file
     * @param tree the YAML port's tree of the file
     * @throws IllegalArgumentException listing every problem of the file, each with its key path
     */
    public static PolicyTestSuite read(String file, JsonValue tree) {
        List<String> problems = new ArrayList<>();
        if (!(tree instanceof JsonObject top)) {
            throw new IllegalArgumentException(file + ": a policy test file is a mapping with `version` and `cases`");
        }
        unknownKeys(top, TOP_LEVEL, "", problems);
        if (!top.has("version")) {
            problems.add("version: missing (policy test version must be 1)");
        } else if (!top.get("version").kind().equals("number") || top.get("version").asNumber().isFloating()
                || top.get("version").asNumber().value().compareTo(BigDecimal.ONE) != 0) {
            problems.add("version: policy test version must be 1");
        }
        List<Case> cases = new ArrayList<>();
        JsonValue listed = top.getOrNull("cases");
        if (listed != null && !listed.isNull()) {
            if (!(listed instanceof JsonArray array)) {
                problems.add("cases: expected a list of cases");
            } else {
                Set<String> ids = new HashSet<>();
                for (int i = 0; i < array.size(); i++) {
                    readCase(array.get(i), "cases[" + i + "]", ids, problems).ifPresent(cases::add);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(file + " is not a valid policy test file:\n  " + String.join("\n  ", problems));
        }
        return new PolicyTestSuite(cases);
    }

    private static Optional<Case> readCase(JsonValue value, String path, Set<String> ids, List<String> problems) {
        if (!(value instanceof JsonObject entry)) {
            problems.add(path + ": expected a mapping");
            return Optional.empty();
        }
        int before = problems.size();
        unknownKeys(entry, CASE_FIELDS, path + ".", problems);
        Optional<String> id = text(entry, "id", path, true, problems);
        id.filter(name -> !ids.add(name)).ifPresent(name -> problems.add(path + ".id: repeats the case id '" + name + "'"));
        Optional<String> actor = text(entry, "actor", path, true, problems);
        Optional<PolicyAction> action = text(entry, "action", path, true, problems).flatMap(name -> {
            Optional<PolicyAction> known = PolicyAction.fromWireName(name);
            if (known.isEmpty()) {
                problems.add(path + ".action: unknown action '" + name + "' (known: " + PolicyAction.wireNames() + ")");
            }
            return known;
        });
        Optional<String> branch = text(entry, "branch", path, false, problems);
        Optional<String> targetBranch = text(entry, "target_branch", path, false, problems);
        Optional<String> expect = text(entry, "expect", path, true, problems);
        if (expect.isPresent() && !expect.get().equals("allow") && !expect.get().equals("deny")) {
            problems.add(path + ".expect: expected allow or deny, found '" + expect.get() + "'");
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Case(id.get(), actor.get(), action.get(), branch, targetBranch, expect.get().equals("allow")));
    }

    private static Optional<String> text(JsonObject entry, String key, String path, boolean required, List<String> problems) {
        JsonValue value = entry.getOrNull(key);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(path + "." + key + ": missing");
            }
            return Optional.empty();
        }
        if (!value.kind().equals("string")) {
            problems.add(path + "." + key + ": expected a string");
            return Optional.empty();
        }
        return Optional.of(value.asString());
    }

    private static void unknownKeys(JsonObject object, List<String> known, String prefix, List<String> problems) {
        for (String key : object.keys()) {
            if (!known.contains(key)) {
                problems.add(prefix + key + ": unknown key (expected one of " + known + ")");
            }
        }
    }
}
