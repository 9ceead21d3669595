package dev.omnigraph.ports.out.table;

import java.util.Objects;

/**
 * Where a named branch of a table started, as the backend records it: the branch authority an ambiguous branch
 * create or delete is classified against (a lost acknowledgement is a branch that exists with exactly the
 * requested origin, or is gone).
 *
 * @param parentBranch the branch it was created from ({@link TableRef#MAIN} for the trunk)
 * @param parentVersion the version of {@code parentBranch} it was created at
 * @param incarnation an opaque token that differs between two lifetimes of branches of the same name (a branch
 *     deleted and created again, even from the same parent version, has another)
 */
public record BranchOrigin(String parentBranch, long parentVersion, String incarnation) {
    public BranchOrigin {
        Objects.requireNonNull(parentBranch, "parentBranch");
        Objects.requireNonNull(incarnation, "incarnation");
    }

    /** Whether a create from {@code from} could have produced this branch. */
    public boolean startedAt(String branch, long version) {
        return parentBranch.equals(branch) && parentVersion == version;
    }
}
