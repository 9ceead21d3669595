package dev.omnigraph.domain.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which branches a rule's {@code branch_scope} or {@code target_branch_scope} admits: any branch, only the
 * bundle's {@code protected_branches}, or only the others. {@code protected} and {@code unprotected} also
 * require the request to name that branch: a request without one never matches them.
 */
public enum BranchScope {
    ANY("any"),
    PROTECTED("protected"),
    UNPROTECTED("unprotected");

    private final String wireName;

    BranchScope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<BranchScope> fromWireName(String text) {
        return Arrays.stream(values()).filter(scope -> scope.wireName.equals(text)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(BranchScope::wireName).toList();
    }
}
