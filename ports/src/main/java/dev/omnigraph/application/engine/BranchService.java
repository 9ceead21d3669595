package dev.omnigraph.application.engine;

import dev.omnigraph.application.failpoint.FailpointNames;
import dev.omnigraph.application.failpoint.Failpoints;
import dev.omnigraph.application.failpoint.InjectedFailpointException;
import dev.omnigraph.domain.graph.BranchNames;
import dev.omnigraph.domain.graph.GraphCommit;
import dev.omnigraph.domain.graph.GraphEngineException;
import dev.omnigraph.domain.graph.GraphErrorKind;
import dev.omnigraph.domain.graph.GraphSnapshot.VisibleTable;
import dev.omnigraph.domain.graph.ManifestEntry.BranchHead;
import dev.omnigraph.ports.in.ManageBranchesUseCase;
import dev.omnigraph.ports.out.table.InvalidTableRequestException;
import dev.omnigraph.ports.out.table.TableRef;
import dev.omnigraph.ports.out.table.TableStorage;
import dev.omnigraph.ports.out.table.TableStorageException;
import dev.omnigraph.ports.out.table.WriteTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Graph branches (engine notes §1.5). A branch is a Lance branch of {@code __manifest}: creating one
 * forks the manifest only (plus the new branch's own head row, pointing at the source's head commit, so
 * its first commit has the right parent); each table forks on its first write on the branch
 * ({@link TableWrites}). Deleting removes the manifest branch first, then reclaims the branch's table
 * forks best-effort ({@code cleanup} is the backstop). Neither publishes a graph commit.
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
            tables.createBranch(manifest, name, TableRef.at(manifest, from, source.snapshot().manifestVersion()));
            Optional<GraphCommit> head = source.snapshot().head();
            if (head.isPresent()) {
                long forked = tables.latestVersion(manifest, name);
                tables.upsert(WriteTarget.expecting(manifest, name, forked), engine.manifest().encode(List.of(
                        new BranchHead(name, head.get().id(), head.get().parentId()))));
            }
            LOG.info("created branch '{}' of {} from '{}' at {}{}", name, root.uri(), from, source.snapshot().snapshotId(),
                    actor.map(a -> " as " + a).orElse(""));
            return describe(root, name);
        });
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
            OpenGraph branch = engine.openAt(root, name, engine.latestManifestVersion(root, name));
            try {
                tables.deleteBranch(root.manifestLocation(), name);
            } catch (InvalidTableRequestException dependents) {
                throw new GraphEngineException(GraphErrorKind.CONFLICT, "branch '" + name
                        + "' cannot be deleted while branches created from it exist: " + dependents.getMessage(), dependents);
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

    private BranchResult describe(GraphRoot root, String name) {
        OpenGraph graph = engine.openAt(root, name, engine.latestManifestVersion(root, name));
        return new BranchResult(name, graph.snapshot().head().map(GraphCommit::id), graph.snapshot().snapshotId());
    }
}
