package dev.omnigraph.ports.in;

import java.util.List;

/** The reference's {@code BranchListOutput}. */
public record ServedBranchListResult(List<String> branches) {
    public ServedBranchListResult {
        branches = List.copyOf(branches);
    }
}
