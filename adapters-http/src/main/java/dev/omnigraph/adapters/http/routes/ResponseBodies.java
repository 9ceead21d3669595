package dev.omnigraph.adapters.http.routes;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.omnigraph.adapters.http.openapi.ApiDescription;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/**
 * The response bodies of the HTTP API, member for member the reference's wire records (names, order, and
 * which absent members are written as {@code null} and which are left out). Every record writes its null
 * members ({@link JsonInclude.Include#ALWAYS}) unless a member says otherwise, because the reference only
 * omits the members it marks {@code skip_serializing_if}.
 *
 * <p>Package-private on purpose: the snapshot body keeps the reference's {@code dataset} member names,
 * which public types of this adapter may not speak.
 */
final class ResponseBodies {

    private ResponseBodies() {}

    @ApiDescription("Liveness probe answer.")
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record HealthOutput(
            @ApiDescription("Always `ok`.") String status,
            @ApiDescription("The server version.") String version,
            @ApiDescription("The internal-schema (storage-format) version this binary writes and reads.")
            int internalSchemaVersion) {}

    @ApiDescription("One served graph.")
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record GraphInfo(String graphId, String uri) {}

    @ApiDescription("Every served graph, sorted by graph id.")
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record GraphListResponse(List<GraphInfo> graphs) {}

    @ApiDescription("One node or edge type visible in a snapshot.")
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SnapshotDatasetOutput(
            @ApiDescription(value = "Node or edge.", allowedValues = {"node", "edge"}) String entityKind,
            String typeName,
            String datasetPath,
            long publishedDatasetVersion,
            @Nullable String nativeDatasetBranch,
            long entityCount) {}

    @ApiDescription("The latest snapshot of a branch.")
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SnapshotOutput(
            String graphBranch,
            long graphManifestVersion,
            @ApiDescription("The internal-schema (storage-format) version the branch is stamped at.")
            int internalSchemaVersion,
            List<SnapshotDatasetOutput> datasets) {}

    @ApiDescription("What a read was served from: a branch or a snapshot.")
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ReadTargetOutput(@Nullable String branch, @Nullable String snapshot) {}

    @ApiDescription("Rows of a read query.")
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ReadOutput(
            String queryName,
            ReadTargetOutput target,
            long rowCount,
            @ApiDescription("Result column names in order; left out when there are none.")
            @JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable List<String> columns,
            @ApiDescription("One JSON object per row.") JsonNode rows,
            @ApiDescription("Head commit of the exact snapshot read; usable as Omnigraph-If-Graph-Commit.")
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String graphCommitId) {}

    @ApiDescription("The byte-stable read answer of the deprecated POST /read (no graph_commit_id).")
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record LegacyReadOutput(
            String queryName,
            ReadTargetOutput target,
            long rowCount,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable List<String> columns,
            JsonNode rows) {}

    @ApiDescription("A graph commit.")
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CommitOutput(
            String graphCommitId,
            @Nullable String graphBranch,
            long graphManifestVersion,
            @Nullable String parentCommitId,
            @Nullable String mergedParentCommitId,
            @Nullable String actorId,
            @ApiDescription("Commit creation time as Unix epoch microseconds.") long createdAt) {}

    @ApiDescription("The outcome of a mutation.")
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ChangeOutput(
            String branch,
            String queryName,
            long affectedNodes,
            long affectedEdges,
            @Nullable String actorId,
            @ApiDescription("The published commit; null when the mutation changed nothing.")
            @Nullable CommitOutput commit) {}

    @ApiDescription("Commits of a branch, newest first.")
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CommitListOutput(List<CommitOutput> commits) {}

    @ApiDescription("One declared parameter of a stored query.")
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ParamDescriptor(
            String name,
            @ApiDescription(value = "The parameter's kind.", allowedValues = {"string", "bool", "int", "bigint",
                    "float", "date", "datetime", "blob", "vector", "list"}) String kind,
            @ApiDescription("Element kind when `kind` is `list`.")
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String itemKind,
            @ApiDescription("Dimension when `kind` is `vector`.")
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer vectorDim,
            @ApiDescription("False when the caller must supply it.") boolean nullable) {}

    @ApiDescription("One stored query of the catalog.")
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record QueryCatalogEntry(
            @ApiDescription("Registry key and invoke path segment.") String name,
            @ApiDescription("Agent tool id (the tool_name override, else name).") String toolName,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String description,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String instruction,
            @ApiDescription("True for a stored mutation.") boolean mutation,
            List<ParamDescriptor> params) {}

    @ApiDescription("Every stored query of a graph, with typed parameters.")
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record QueriesCatalogOutput(List<QueryCatalogEntry> queries) {}

    @ApiDescription("The live schema.")
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SchemaOutput(@ApiDescription("The schema in `.pg` source form.") String schemaSource) {}

    @ApiDescription("The outcome of a schema migration.")
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SchemaApplyOutput(
            String uri,
            boolean supported,
            boolean applied,
            long stepCount,
            long graphManifestVersion,
            List<String> steps) {}

    @ApiDescription("Entities loaded into one node or edge type.")
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record GraphBatchDeclarationOutput(String name, long entitiesLoaded) {}

    @ApiDescription("The outcome of a load.")
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record IngestOutput(
            String uri,
            String branch,
            @ApiDescription("The branch a fork was requested from; null when `from` was absent.")
            @Nullable String baseBranch,
            boolean branchCreated,
            @ApiDescription(value = "How existing entities were handled.",
                    allowedValues = {"overwrite", "append", "merge"}) String mode,
            List<GraphBatchDeclarationOutput> nodes,
            List<GraphBatchDeclarationOutput> edges,
            long totalEntities,
            @Nullable String actorId,
            @Nullable CommitOutput commit) {}

    @ApiDescription("The outcome of a raw NDJSON load (IngestOutput without `uri`).")
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record GraphBatchLoadOutput(
            String branch,
            @Nullable String baseBranch,
            boolean branchCreated,
            @ApiDescription(value = "How existing entities were handled.",
                    allowedValues = {"overwrite", "append", "merge"}) String mode,
            List<GraphBatchDeclarationOutput> nodes,
            List<GraphBatchDeclarationOutput> edges,
            long totalEntities,
            @Nullable String actorId,
            @Nullable CommitOutput commit) {}

    @ApiDescription("Branch names, sorted.")
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record BranchListOutput(List<String> branches) {}

    @ApiDescription("A created branch.")
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record BranchCreateOutput(String uri, String from, String name, @Nullable String actorId) {}

    @ApiDescription("A deleted branch.")
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record BranchDeleteOutput(String uri, String name, @Nullable String actorId) {}
}
