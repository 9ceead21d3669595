package dev.omnigraph.ports.in;

import dev.omnigraph.domain.schema.migration.MigrationPlan;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a schema apply or its preview (the reference's {@code SchemaApplyResult}).
 *
 * @param supported whether every step is supported (always true here: an unsupported plan is refused)
 * @param applied whether the graph changed: false for a preview and for a plan without steps
 * @param plan the steps, drops already promoted to hard when data loss was allowed
 * @param graphManifestVersion the main branch's manifest version after the apply (or the current one)
 * @param snapshotId the main branch's snapshot after the apply (or the current one)
 * @param commitId the schema commit; empty when nothing was applied
 */
public record ApplySchemaResult(boolean supported, boolean applied, MigrationPlan plan, long graphManifestVersion,
                                String snapshotId, Optional<String> commitId) {
    public ApplySchemaResult {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(snapshotId, "snapshotId");
        Objects.requireNonNull(commitId, "commitId");
        if (applied && commitId.isEmpty()) {
            throw new IllegalArgumentException("an applied schema change always publishes a commit");
        }
    }
}
