package dev.omnigraph.domain.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The Cedar {@code context} record of one request ({@code Omnigraph::RequestContext}): whether it names a
 * branch and a target branch, their names ({@code ""} when absent, since Cedar records have no optional
 * strings in this schema), and whether each is one of the bundle's protected branches (never, when absent).
 */
public record RequestContext(boolean hasBranch, String branch, boolean hasTargetBranch, String targetBranch,
                             boolean branchIsProtected, boolean targetBranchIsProtected) {

    public RequestContext {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(targetBranch, "targetBranch");
    }

    public static RequestContext of(PolicyBundle bundle, AccessRequest request) {
        return new RequestContext(
                request.branch().isPresent(),
                request.branch().orElse(""),
                request.targetBranch().isPresent(),
                request.targetBranch().orElse(""),
                request.branch().map(bundle::isProtected).orElse(false),
                request.targetBranch().map(bundle::isProtected).orElse(false));
    }

    /** Attribute name to value ({@link String} or {@link Boolean}), in schema order. */
    public Map<String, Object> attributes() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("has_branch", hasBranch);
        attributes.put("branch", branch);
        attributes.put("has_target_branch", hasTargetBranch);
        attributes.put("target_branch", targetBranch);
        attributes.put("branch_is_protected", branchIsProtected);
        attributes.put("target_branch_is_protected", targetBranchIsProtected);
        return attributes;
    }
}
