package dev.omnigraph.domain.graph;

import java.util.Objects;
import java.util.Optional;

/**
 * One row of the graph's {@code __manifest}. Each kind has a stable object id (the table's primary key),
 * which is what makes concurrent publications conflict exactly when they touch the same row — above all
 * the branch head.
 */
public sealed interface ManifestEntry {

    /** The row's primary key. */
    String objectId();

    /** The {@code object_type} column. */
    String objectType();

    /** Registration of one table lifetime: its alias ({@code node:Person}) and location. */
    record TableRegistration(TableIdentity identity, String tableKey, String location) implements ManifestEntry {
        public TableRegistration {
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(tableKey, "tableKey");
            Objects.requireNonNull(location, "location");
            TableKind.ofTableKey(tableKey);
        }

        public TableKind kind() {
            return TableKind.ofTableKey(tableKey);
        }

        public String typeName() {
            return TableKind.typeNameOf(tableKey);
        }

        @Override
        public String objectId() {
            return identity.registrationObjectId();
        }

        @Override
        public String objectType() {
            return "table";
        }
    }

    /**
     * A published version of a table lifetime.
     *
     * @param tableBranch the table branch the version lives on (empty = the table's main)
     */
    record PublishedTableVersion(TableIdentity identity, String tableKey, long version, Optional<String> tableBranch,
                                 long rowCount) implements ManifestEntry {
        public PublishedTableVersion {
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(tableKey, "tableKey");
            Objects.requireNonNull(tableBranch, "tableBranch");
        }

        @Override
        public String objectId() {
            return identity.versionObjectId(version);
        }

        @Override
        public String objectType() {
            return "table_version";
        }
    }

    /** Excludes a table lifetime from snapshots from this version on (type dropped). */
    record TableTombstone(TableIdentity identity, String tableKey, long version) implements ManifestEntry {
        @Override
        public String objectId() {
            return identity.tombstoneObjectId(version);
        }

        @Override
        public String objectType() {
            return "table_tombstone";
        }
    }

    /** An immutable commit row. */
    record CommitRecord(GraphCommit commit) implements ManifestEntry {
        /** The {@code object_type} of commit rows. */
        public static final String OBJECT_TYPE = "graph_commit";

        @Override
        public String objectId() {
            return commit.id();
        }

        @Override
        public String objectType() {
            return OBJECT_TYPE;
        }
    }

    /** The mutable head pointer of a branch: the row every publication on the branch rewrites. */
    record BranchHead(String branch, String headCommitId, Optional<String> parentCommitId) implements ManifestEntry {
        public BranchHead {
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(headCommitId, "headCommitId");
            Objects.requireNonNull(parentCommitId, "parentCommitId");
        }

        public static String objectIdOf(String branch) {
            return "graph_head:" + branch;
        }

        @Override
        public String objectId() {
            return objectIdOf(branch);
        }

        @Override
        public String objectType() {
            return "graph_head";
        }
    }
}
