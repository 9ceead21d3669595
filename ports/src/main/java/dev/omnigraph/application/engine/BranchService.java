package dev.omnigraph.application.engine;

import dev.omnigraph.application.failpoint.FailpointNames;
import dev.omnigraph.application.failpoint.Failpoints;
import dev.omnigraph.application.failpoint.InjectedFailpointException;
import dev.omnigraph.domain.graph.BranchNames;
import dev.omnigraph.domain.graph.GraphCommit;
import dev.omnigraph.domain.graph.GraphEngineException;
import dev.omnigraph.domain.graph.GraphErrorKind;
import dev.omnigraph.domain.graph.GraphSnapshot.VisibleTable;
import dev.omnigraph.ports.in.ManageBranchesUseCase;
import dev.omnigraph.ports.out.table.BranchOrigin;
import dev.omnigraph.ports.out.table.InvalidTableRequestException;
import dev.omnigraph.ports.out.table.TableAlreadyExistsException;
import dev.omnigraph.ports.out.table.TableRef;
import dev.omnigraph.ports.out.table.TableStorage;
import dev.omnigraph.ports.out.table.TableStorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Graph branches (engine notes §1.5). A branch is a Lance branch of {@code __manifest}: creating one
 * forks the manifest only, in one storage call, so there is no window in which a half-created branch
 * exists; until its first commit a branch has no head row of its own and its head is the newest commit
 * it inherited (its source's head at the fork). Each table forks on its first write on the branch
 * ({@link TableWrites}). Deleting removes the manifest branch first, then reclaims the branch's table
 * forks best-effort ({@code cleanup} is the backstop). Neither publishes a graph commit. A create or
 * delete that reports a failure is classified by the branch record, as a lost acknowledgement may hide
 * one that landed.
 */
public final class BranchService implements ManageBranchesUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(BranchService.class);

    private final GraphEngineService engine;

    public BranchService(GraphEngineService engine) {
        this.engine = engine;
    }

    @Override
    public BranchResult createBranch(String graphUri, String name, String from, Optional<String> actor) {
        GraphRoot root = engine.root(graphUri);
        return engine.underWriterGate(root, () -> {
            TableStorage tables = engine.tables();
            String manifest = root.manifestLocation();
            OpenGraph source = engine.openAt(root, from, engine.latestManifestVersion(root, from));
            List<String> existing = new ArrayList<>(tables.branches(manifest));
            existing.add(TableRef.MAIN);
            Optional<String> refusal = BranchNames.refusal(name, existing);
            if (refusal.isPresent()) {
                GraphErrorKind kind = existing.contains(name) ? GraphErrorKind.CONFLICT : GraphErrorKind.BAD_REQUEST;
                throw new GraphEngineException(kind, "cannot create branch: " + refusal.get());
            }
            long sourceVersion = source.snapshot().manifestVersion();
            try {
                tables.createBranch(manifest, name, TableRef.at(manifest, from, sourceVersion));
                Failpoints.maybeFail(FailpointNames.BRANCH_CREATE_POST_NATIVE);
            } catch (TableAlreadyExistsException concurrent) {
                throw new GraphEngineException(GraphErrorKind.CONFLICT, "cannot create branch: branch '" + name
                        + "' already exists", concurrent);
            } catch (InjectedFailpointException | TableStorageException ambiguous) {
                classifyAmbiguousCreate(root, name, from, sourceVersion, ambiguous);
            }
            LOG.info("created branch '{}' of {} from '{}' at {}{}", name, root.uri(), from, source.snapshot().snapshotId(),
                    actor.map(a -> " as " + a).orElse(""));
            return describe(root, name);
        });
    }

    /**
     * A branch create that reported a failure may still have landed (a lost acknowledgement): the branch record
     * decides. A branch with exactly the requested origin is the created branch; one with another origin is
     * someone else's (a conflict, left alone); none means nothing was created and the failure stands.
     */
    private void classifyAmbiguousCreate(GraphRoot root, String name, String from, long sourceVersion,
                                         RuntimeException failure) {
        Optional<BranchOrigin> observed = observeAfterFailure(root, name, "creating", failure);
        if (observed.isEmpty()) {
            throw failure;
        }
        if (!observed.get().startedAt(from, sourceVersion)) {
            throw new GraphEngineException(GraphErrorKind.CONFLICT, "branch '" + name + "' appeared from '"
                    + observed.get().parentBranch() + "' at v" + observed.get().parentVersion() + " while this create from '"
                    + from + "' at v" + sourceVersion + " failed (" + failure.getMessage() + "); it is left as it is", failure);
        }
        LOG.warn("creating branch '{}' of {} reported a failure ({}) but the branch exists exactly as requested: "
                + "created", name, root.uri(), failure.getMessage());
    }

    @Override
    public List<BranchResult> listBranches(String graphUri) {
        GraphRoot root = engine.root(graphUri);
        List<BranchResult> branches = new ArrayList<>();
        branches.add(describe(root, TableRef.MAIN));
        for (String name : engine.tables().branches(root.manifestLocation())) {
            if (!BranchNames.isInternal(name)) {
                branches.add(describe(root, name));
            }
        }
        return branches;
    }

    @Override
    public void deleteBranch(String graphUri, String name, Optional<String> actor) {
        if (TableRef.MAIN.equals(name)) {
            throw new GraphEngineException(GraphErrorKind.BAD_REQUEST, "the main branch cannot be deleted");
        }
        GraphRoot root = engine.root(graphUri);
        engine.underWriterGate(root, () -> {
            TableStorage tables = engine.tables();
            String manifest = root.manifestLocation();
            OpenGraph branch = engine.openAt(root, name, engine.latestManifestVersion(root, name));
            Optional<BranchOrigin> deleting = tables.branchOrigin(manifest, name);
            try {
                tables.deleteBranch(manifest, name);
                Failpoints.maybeFail(FailpointNames.BRANCH_DELETE_POST_NATIVE);
            } catch (InvalidTableRequestException dependents) {
                throw new GraphEngineException(GraphErrorKind.CONFLICT, "branch '" + name
                        + "' cannot be deleted while branches created from it exist: " + dependents.getMessage(), dependents);
            } catch (InjectedFailpointException | TableStorageException ambiguous) {
                classifyAmbiguousDelete(root, name, deleting, ambiguous);
            }
            for (VisibleTable table : branch.snapshot().tablesInOrder()) {
                if (table.version().tableBranch().filter(name::equals).isEmpty()) {
                    continue;
                }
                String location = root.tableLocation(table.location());
                try {
                    Failpoints.maybeFail(FailpointNames.BRANCH_DELETE_BEFORE_TABLE_CLEANUP);
                    tables.deleteBranch(location, name);
                } catch (InjectedFailpointException | TableStorageException leftBehind) {
                    LOG.warn("branch '{}' of {} is deleted but its fork of {} was not reclaimed ({}); cleanup will",
                            name, root.uri(), table.tableKey(), leftBehind.getMessage());
                }
            }
            LOG.info("deleted branch '{}' of {}{}", name, root.uri(), actor.map(a -> " as " + a).orElse(""));
            return null;
        });
    }

    /**
     * A branch delete that reported a failure may still have landed: a branch record that is gone means deleted
     * (the forks are reclaimed as usual); the same incarnation still there means the failure stands; another
     * incarnation (the name was deleted and created again meanwhile) is not ours to delete.
     */
    private void classifyAmbiguousDelete(GraphRoot root, String name, Optional<BranchOrigin> deleting,
                                         RuntimeException failure) {
        Optional<BranchOrigin> observed = observeAfterFailure(root, name, "deleting", failure);
        if (observed.isEmpty()) {
            LOG.warn("deleting branch '{}' of {} reported a failure ({}) but the branch is gone: deleted", name,
                    root.uri(), failure.getMessage());
            return;
        }
        if (deleting.isPresent() && !observed.get().incarnation().equals(deleting.get().incarnation())) {
            throw new GraphEngineException(GraphErrorKind.CONFLICT, "branch '" + name + "' was created again while "
                    + "this delete failed (" + failure.getMessage() + "); the new branch is left as it is", failure);
        }
        throw failure;
    }

    /** The branch record read afresh after a failed create or delete; a failed read leaves the outcome unknown. */
    private Optional<BranchOrigin> observeAfterFailure(GraphRoot root, String name, String doing, RuntimeException failure) {
        try {
            return engine.tables().branchOrigin(root.manifestLocation(), name);
        } catch (TableStorageException unobservable) {
            failure.addSuppressed(unobservable);
            throw new GraphEngineException(GraphErrorKind.STORAGE, doing + " branch '" + name + "' failed ("
                    + failure.getMessage() + ") and whether it landed cannot be read (" + unobservable.getMessage()
                    + "); list the branches before retrying", failure);
        }
    }

    private BranchResult describe(GraphRoot root, String name) {
        OpenGraph graph = engine.openAt(root, name, engine.latestManifestVersion(root, name));
        return new BranchResult(name, graph.snapshot().head().map(GraphCommit::id), graph.snapshot().snapshotId());
    }
}
