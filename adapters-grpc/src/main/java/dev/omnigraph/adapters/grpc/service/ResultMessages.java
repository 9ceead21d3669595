package dev.omnigraph.adapters.grpc.service;

import dev.omnigraph.adapters.grpc.v1.ChangeResult;
import dev.omnigraph.adapters.grpc.v1.Commit;
import dev.omnigraph.adapters.grpc.v1.CreateBranchResponse;
import dev.omnigraph.adapters.grpc.v1.DeleteBranchResponse;
import dev.omnigraph.adapters.grpc.v1.EntityKind;
import dev.omnigraph.adapters.grpc.v1.Graph;
import dev.omnigraph.adapters.grpc.v1.ListBranchesResponse;
import dev.omnigraph.adapters.grpc.v1.ListCommitsResponse;
import dev.omnigraph.adapters.grpc.v1.ListGraphsResponse;
import dev.omnigraph.adapters.grpc.v1.ListStoredQueriesResponse;
import dev.omnigraph.adapters.grpc.v1.LoadMode;
import dev.omnigraph.adapters.grpc.v1.LoadResult;
import dev.omnigraph.adapters.grpc.v1.ReadHeader;
import dev.omnigraph.adapters.grpc.v1.ReadTarget;
import dev.omnigraph.adapters.grpc.v1.Schema;
import dev.omnigraph.adapters.grpc.v1.Snapshot;
import dev.omnigraph.adapters.grpc.v1.StoredQuery;
import dev.omnigraph.adapters.grpc.v1.StoredQueryParam;
import dev.omnigraph.adapters.grpc.v1.TypeCount;
import dev.omnigraph.adapters.grpc.v1.TypeSnapshot;
import dev.omnigraph.ports.in.CommitResult;
import dev.omnigraph.ports.in.ServedBranchListResult;
import dev.omnigraph.ports.in.ServedBranchResult;
import dev.omnigraph.ports.in.ServedChangeResult;
import dev.omnigraph.ports.in.ServedCommitListResult;
import dev.omnigraph.ports.in.ServedGraphListResult;
import dev.omnigraph.ports.in.ServedLoadResult;
import dev.omnigraph.ports.in.ServedReadResult;
import dev.omnigraph.ports.in.ServedSchemaResult;
import dev.omnigraph.ports.in.ServedSnapshotResult;
import dev.omnigraph.ports.in.StoredQueryCatalogResult;
import java.util.List;

/** Use-case results as {@code omnigraph.v1} messages: the members of HTTP's bodies, field for field. */
final class ResultMessages {

    private ResultMessages() {}

    static ListGraphsResponse graphList(ServedGraphListResult result) {
        ListGraphsResponse.Builder graphs = ListGraphsResponse.newBuilder();
        result.graphs().forEach(graph -> graphs.addGraphs(Graph.newBuilder().setGraphId(graph.graphId())
                .setUri(graph.uri())));
        return graphs.build();
    }

    static Snapshot snapshot(ServedSnapshotResult result) {
        Snapshot.Builder snapshot = Snapshot.newBuilder().setGraphBranch(result.graphBranch())
                .setGraphManifestVersion(result.graphManifestVersion())
                .setInternalSchemaVersion(result.internalSchemaVersion());
        for (ServedSnapshotResult.Dataset type : result.datasets()) {
            TypeSnapshot.Builder described = TypeSnapshot.newBuilder().setTypeName(type.typeName())
                    .setEntityKind(entityKind(type.entityKind())).setPath(type.datasetPath())
                    .setPublishedVersion(type.publishedDatasetVersion()).setEntityCount(type.entityCount());
            type.nativeDatasetBranch().ifPresent(described::setNativeBranch);
            snapshot.addTypes(described);
        }
        return snapshot.build();
    }

    private static EntityKind entityKind(String kind) {
        return switch (kind) {
            case "node" -> EntityKind.ENTITY_KIND_NODE;
            case "edge" -> EntityKind.ENTITY_KIND_EDGE;
            default -> EntityKind.ENTITY_KIND_UNSPECIFIED;
        };
    }

    /** Everything of HTTP's ReadOutput but the rows, which {@code rows} streams. */
    static ReadHeader readHeader(ServedReadResult result, ResultRows rows) {
        ReadTarget.Builder target = ReadTarget.newBuilder();
        result.targetBranch().ifPresent(target::setBranch);
        result.targetSnapshot().ifPresent(target::setSnapshot);
        ReadHeader.Builder header = ReadHeader.newBuilder().setQueryName(result.queryName()).setTarget(target)
                .setRowCount(result.result().rowCount()).addAllColumns(rows.columns());
        result.graphCommitId().ifPresent(header::setGraphCommitId);
        return header.build();
    }

    static ChangeResult change(ServedChangeResult result) {
        ChangeResult.Builder change = ChangeResult.newBuilder().setBranch(result.branch())
                .setQueryName(result.queryName()).setAffectedNodes(result.affectedNodes())
                .setAffectedEdges(result.affectedEdges());
        result.actorId().ifPresent(change::setActorId);
        result.commit().ifPresent(commit -> change.setCommit(commit(commit)));
        return change.build();
    }

    static Commit commit(CommitResult result) {
        Commit.Builder commit = Commit.newBuilder().setGraphCommitId(result.graphCommitId())
                .setGraphBranch(result.branch()).setGraphManifestVersion(result.manifestVersion())
                .setCreatedAt(ResultRows.timestampOfMicros(result.createdAtMicros()));
        result.parentCommitId().ifPresent(commit::setParentCommitId);
        result.mergedParentCommitId().ifPresent(commit::setMergedParentCommitId);
        result.actorId().ifPresent(commit::setActorId);
        return commit.build();
    }

    static ListCommitsResponse commits(ServedCommitListResult result) {
        ListCommitsResponse.Builder commits = ListCommitsResponse.newBuilder();
        result.commits().forEach(commit -> commits.addCommits(commit(commit)));
        return commits.build();
    }

    static ListStoredQueriesResponse catalog(StoredQueryCatalogResult result) {
        ListStoredQueriesResponse.Builder catalog = ListStoredQueriesResponse.newBuilder();
        for (StoredQueryCatalogResult.StoredQuery query : result.queries()) {
            StoredQuery.Builder entry = StoredQuery.newBuilder().setName(query.name()).setToolName(query.toolName())
                    .setMutation(query.mutation());
            query.description().ifPresent(entry::setDescription);
            query.instruction().ifPresent(entry::setInstruction);
            for (StoredQueryCatalogResult.Param param : query.params()) {
                StoredQueryParam.Builder described = StoredQueryParam.newBuilder().setName(param.name())
                        .setKind(param.kind()).setNullable(param.nullable());
                param.itemKind().ifPresent(described::setItemKind);
                param.vectorDim().ifPresent(described::setVectorDim);
                entry.addParams(described);
            }
            catalog.addQueries(entry);
        }
        return catalog.build();
    }

    static Schema schema(ServedSchemaResult result) {
        return Schema.newBuilder().setSchemaSource(result.schemaSource()).build();
    }

    static LoadResult load(ServedLoadResult result) {
        LoadResult.Builder load = LoadResult.newBuilder().setUri(result.uri()).setBranch(result.branch())
                .setBranchCreated(result.branchCreated()).setMode(loadMode(result.mode()))
                .addAllNodes(counts(result.nodes())).addAllEdges(counts(result.edges()))
                .setTotalEntities(result.totalEntities());
        result.baseBranch().ifPresent(load::setBaseBranch);
        result.actorId().ifPresent(load::setActorId);
        result.commit().ifPresent(commit -> load.setCommit(commit(commit)));
        return load.build();
    }

    private static List<TypeCount> counts(List<ServedLoadResult.TypeCount> counts) {
        return counts.stream().map(count -> TypeCount.newBuilder().setName(count.name())
                .setEntitiesLoaded(count.entitiesLoaded()).build()).toList();
    }

    static LoadMode loadMode(dev.omnigraph.domain.graph.load.LoadMode mode) {
        return switch (mode) {
            case OVERWRITE -> LoadMode.LOAD_MODE_OVERWRITE;
            case APPEND -> LoadMode.LOAD_MODE_APPEND;
            case MERGE -> LoadMode.LOAD_MODE_MERGE;
        };
    }

    static ListBranchesResponse branches(ServedBranchListResult result) {
        return ListBranchesResponse.newBuilder().addAllBranches(result.branches()).build();
    }

    static CreateBranchResponse branchCreated(ServedBranchResult result) {
        CreateBranchResponse.Builder created = CreateBranchResponse.newBuilder().setUri(result.uri())
                .setName(result.name()).setFrom(result.from().orElse("main"));
        result.actorId().ifPresent(created::setActorId);
        return created.build();
    }

    static DeleteBranchResponse branchDeleted(ServedBranchResult result) {
        DeleteBranchResponse.Builder deleted = DeleteBranchResponse.newBuilder().setUri(result.uri())
                .setName(result.name());
        result.actorId().ifPresent(deleted::setActorId);
        return deleted.build();
    }
}
