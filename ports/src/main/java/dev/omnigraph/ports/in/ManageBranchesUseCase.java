package dev.omnigraph.ports.in;

import java.util.List;
import java.util.Optional;

/**
 * Graph branches (engine notes §1.5): a branch forks the graph manifest; tables fork lazily on their
 * first write. Creating or deleting a branch publishes no commit.
 */
public interface ManageBranchesUseCase {

    /**
     * Creates {@code name} from the latest snapshot of {@code from}.
     *
     * @param actor recorded in logs only (branch creation publishes no commit)
     */
    BranchResult createBranch(String graphUri, String name, String from, Optional<String> actor);

    /** The graph's branches, {@code main} first, then by name; internal branches are hidden. */
    List<BranchResult> listBranches(String graphUri);

    /** Deletes a branch; refused for {@code main} and while another branch was created from it. */
    void deleteBranch(String graphUri, String name, Optional<String> actor);

    /**
     * @param name the branch
     * @param headCommitId its head commit (empty for a graph with no commit yet)
     * @param snapshotId its latest snapshot
     */
    record BranchResult(String name, Optional<String> headCommitId, String snapshotId) {
    }
}
