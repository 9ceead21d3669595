package dev.omnigraph.application.engine;

import dev.omnigraph.application.failpoint.FailpointNames;
import dev.omnigraph.application.failpoint.Failpoints;
import dev.omnigraph.domain.graph.GraphCommit;
import dev.omnigraph.domain.graph.GraphEngineException;
import dev.omnigraph.domain.graph.GraphErrorKind;
import dev.omnigraph.domain.graph.ManifestEntry;
import dev.omnigraph.domain.graph.ManifestEntry.BranchHead;
import dev.omnigraph.domain.graph.ManifestEntry.CommitRecord;
import dev.omnigraph.domain.graph.ManifestFold;
import dev.omnigraph.ports.out.table.CommitConflictException;
import dev.omnigraph.ports.out.table.TableRef;
import dev.omnigraph.ports.out.table.TableStorage;
import dev.omnigraph.ports.out.table.WriteTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one door through which graph changes become visible: a single upsert on {@code __manifest} that
 * writes the new table-version rows, the commit row and the branch's {@code graph_head} row together.
 *
 * <p>Every publication on a branch rewrites that branch's head row and names the manifest version it
 * read, so of two concurrent publishers exactly one commits; the other re-reads the manifest, re-parents
 * its commit onto the winner and tries again, up to {@value #RETRY_BUDGET} attempts. Disjoint writers
 * therefore form a linear chain. A publisher with an expected head never retries past a moved head: it
 * fails with {@link GraphErrorKind#PRECONDITION_FAILED}.
 */
final class ManifestPublisher {

    static final int RETRY_BUDGET = 5;
    private static final Logger LOG = LoggerFactory.getLogger(ManifestPublisher.class);

    private final TableStorage storage;
    private final ManifestTable manifest;

    ManifestPublisher(TableStorage storage, ManifestTable manifest) {
        this.storage = storage;
        this.manifest = manifest;
    }

    /** What a writer wants published. */
    record Intent(String branch, List<ManifestEntry> tableRows, String commitId, Optional<String> actor,
                  long createdAtMicros, Optional<String> expectedHead) {
        Intent {
            tableRows = List.copyOf(tableRows);
        }
    }

    /** Publishes an intent and returns the commit as recorded. */
    GraphCommit publish(GraphRoot root, Intent intent) {
        String location = root.manifestLocation();
        for (int attempt = 1; ; attempt++) {
            long readVersion = storage.latestVersion(location, intent.branch());
            Optional<String> parent = currentHead(location, intent.branch(), readVersion);
            if (intent.expectedHead().isPresent() && !intent.expectedHead().equals(parent)) {
                throw new GraphEngineException(GraphErrorKind.PRECONDITION_FAILED, "branch '" + intent.branch()
                        + "' head is " + parent.orElse("(none)") + ", expected " + intent.expectedHead().get());
            }
            GraphCommit commit = new GraphCommit(intent.commitId(), intent.branch(), readVersion + 1, parent,
                    Optional.empty(), intent.actor(), intent.createdAtMicros());
            List<ManifestEntry> rows = new ArrayList<>(intent.tableRows());
            rows.add(new CommitRecord(commit));
            rows.add(new BranchHead(intent.branch(), commit.id(), parent));
            try {
                long published = storage.upsert(WriteTarget.expecting(location, intent.branch(), readVersion),
                        manifest.encode(rows)).version();
                if (published != commit.manifestVersion()) {
                    LOG.warn("manifest publish of {} landed at version {} instead of {}", commit.id(), published,
                            commit.manifestVersion());
                }
                // the publish landed but the writer may die before it learns so (a lost acknowledgement)
                Failpoints.maybeFail(FailpointNames.GRAPH_PUBLISH_AFTER_MANIFEST_COMMIT);
                return commit;
            } catch (CommitConflictException lostRace) {
                if (attempt >= RETRY_BUDGET || intent.expectedHead().isPresent()) {
                    throw new GraphEngineException(GraphErrorKind.CONFLICT, "concurrent writers on branch '" + intent.branch()
                            + "' kept winning the manifest publish (" + attempt + " attempts); retry", lostRace);
                }
                LOG.debug("manifest publish attempt {} of {} lost a race; re-reading", attempt, intent.commitId());
            }
        }
    }

    /** The head commit a branch shows at its latest manifest version. */
    Optional<String> currentHead(GraphRoot root, String branch) {
        String location = root.manifestLocation();
        return currentHead(location, branch, storage.latestVersion(location, branch));
    }

    /**
     * The branch's head at a manifest version: its {@code graph_head} row, or, for a branch without one yet (a
     * fresh fork), the newest commit it inherited ({@link ManifestFold#inheritedHead}), so its first commit
     * gets its source's head as parent exactly as a read of that version shows it. Read from the version's
     * cached rows: a writer has just opened that version, so this costs no storage request (a filtered scan
     * would read every fragment of the manifest again).
     */
    private Optional<String> currentHead(String location, String branch, long version) {
        List<ManifestEntry> rows = manifest.read(TableRef.at(location, branch, version));
        List<GraphCommit> inherited = new ArrayList<>();
        for (ManifestEntry entry : rows) {
            if (entry instanceof BranchHead head && head.branch().equals(branch)) {
                return Optional.of(head.headCommitId());
            }
            if (entry instanceof CommitRecord commit) {
                inherited.add(commit.commit());
            }
        }
        return ManifestFold.inheritedHead(inherited).map(GraphCommit::id);
    }
}
