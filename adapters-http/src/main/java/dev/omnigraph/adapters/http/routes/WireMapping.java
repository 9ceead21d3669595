package dev.omnigraph.adapters.http.routes;

import dev.omnigraph.adapters.http.routes.ResponseBodies.BranchCreateOutput;
import dev.omnigraph.adapters.http.routes.ResponseBodies.BranchDeleteOutput;
import dev.omnigraph.adapters.http.routes.ResponseBodies.BranchListOutput;
import dev.omnigraph.adapters.http.routes.ResponseBodies.ChangeOutput;
import dev.omnigraph.adapters.http.routes.ResponseBodies.CommitListOutput;
import dev.omnigraph.adapters.http.routes.ResponseBodies.CommitOutput;
import dev.omnigraph.adapters.http.routes.ResponseBodies.GraphBatchDeclarationOutput;
import dev.omnigraph.adapters.http.routes.ResponseBodies.GraphBatchLoadOutput;
import dev.omnigraph.adapters.http.routes.ResponseBodies.GraphInfo;
import dev.omnigraph.adapters.http.routes.ResponseBodies.GraphListResponse;
import dev.omnigraph.adapters.http.routes.ResponseBodies.IngestOutput;
import dev.omnigraph.adapters.http.routes.ResponseBodies.LegacyReadOutput;
import dev.omnigraph.adapters.http.routes.ResponseBodies.ParamDescriptor;
import dev.omnigraph.adapters.http.routes.ResponseBodies.QueriesCatalogOutput;
import dev.omnigraph.adapters.http.routes.ResponseBodies.QueryCatalogEntry;
import dev.omnigraph.adapters.http.routes.ResponseBodies.ReadOutput;
import dev.omnigraph.adapters.http.routes.ResponseBodies.ReadTargetOutput;
import dev.omnigraph.adapters.http.routes.ResponseBodies.SchemaApplyOutput;
import dev.omnigraph.adapters.http.routes.ResponseBodies.SchemaOutput;
import dev.omnigraph.adapters.http.routes.ResponseBodies.SnapshotDatasetOutput;
import dev.omnigraph.adapters.http.routes.ResponseBodies.SnapshotOutput;
import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonBool;
import dev.omnigraph.domain.json.JsonNumber;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonString;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.ports.in.CommitResult;
import dev.omnigraph.ports.in.ServedBranchListResult;
import dev.omnigraph.ports.in.ServedBranchResult;
import dev.omnigraph.ports.in.ServedChangeResult;
import dev.omnigraph.ports.in.ServedCommitListResult;
import dev.omnigraph.ports.in.ServedGraphListResult;
import dev.omnigraph.ports.in.ServedLoadResult;
import dev.omnigraph.ports.in.ServedReadResult;
import dev.omnigraph.ports.in.ServedSchemaApplyResult;
import dev.omnigraph.ports.in.ServedSchemaResult;
import dev.omnigraph.ports.in.ServedSnapshotResult;
import dev.omnigraph.ports.in.StoredQueryCatalogResult;
import io.micronaut.json.tree.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Use-case results as the reference's wire records. */
final class WireMapping {

    private WireMapping() {}

    static GraphListResponse graphList(ServedGraphListResult result) {
        return new GraphListResponse(result.graphs().stream()
                .map(graph -> new GraphInfo(graph.graphId(), graph.uri())).toList());
    }

    static SnapshotOutput snapshot(ServedSnapshotResult result) {
        return new SnapshotOutput(result.graphBranch(), result.graphManifestVersion(), result.internalSchemaVersion(),
                result.datasets().stream().map(type -> new SnapshotDatasetOutput(type.entityKind(), type.typeName(),
                        type.datasetPath(), type.publishedDatasetVersion(), type.nativeDatasetBranch().orElse(null),
                        type.entityCount())).toList());
    }

    static ReadOutput read(ServedReadResult result) {
        return new ReadOutput(result.queryName(), target(result), result.result().rowCount(),
                result.result().columnNames(), rows(result), result.graphCommitId().orElse(null));
    }

    static LegacyReadOutput legacyRead(ServedReadResult result) {
        return new LegacyReadOutput(result.queryName(), target(result), result.result().rowCount(),
                result.result().columnNames(), rows(result));
    }

    private static ReadTargetOutput target(ServedReadResult result) {
        return new ReadTargetOutput(result.targetBranch().orElse(null), result.targetSnapshot().orElse(null));
    }

    private static JsonNode rows(ServedReadResult result) {
        return jsonNode(result.result().toJson());
    }

    static ChangeOutput change(ServedChangeResult result) {
        return new ChangeOutput(result.branch(), result.queryName(), result.affectedNodes(), result.affectedEdges(),
                result.actorId().orElse(null), result.commit().map(WireMapping::commit).orElse(null));
    }

    static CommitOutput commit(CommitResult commit) {
        return new CommitOutput(commit.graphCommitId(), commit.branch(), commit.manifestVersion(),
                commit.parentCommitId().orElse(null), commit.mergedParentCommitId().orElse(null),
                commit.actorId().orElse(null), commit.createdAtMicros());
    }

    static CommitListOutput commits(ServedCommitListResult result) {
        return new CommitListOutput(result.commits().stream().map(WireMapping::commit).toList());
    }

    static QueriesCatalogOutput catalog(StoredQueryCatalogResult result) {
        return new QueriesCatalogOutput(result.queries().stream().map(query -> new QueryCatalogEntry(query.name(),
                query.toolName(), query.description().orElse(null), query.instruction().orElse(null),
                query.mutation(), query.params().stream().map(param -> new ParamDescriptor(param.name(),
                        param.kind(), param.itemKind().orElse(null), param.vectorDim().orElse(null),
                        param.nullable())).toList())).toList());
    }

    static SchemaOutput schema(ServedSchemaResult result) {
        return new SchemaOutput(result.schemaSource());
    }

    static SchemaApplyOutput schemaApply(ServedSchemaApplyResult result) {
        return new SchemaApplyOutput(result.uri(), result.supported(), result.applied(), result.steps().size(),
                result.graphManifestVersion(), result.steps());
    }

    static IngestOutput ingest(ServedLoadResult result) {
        return new IngestOutput(result.uri(), result.branch(), result.baseBranch().orElse(null),
                result.branchCreated(), result.mode().spelling(), declarations(result.nodes()),
                declarations(result.edges()), result.totalEntities(), result.actorId().orElse(null),
                result.commit().map(WireMapping::commit).orElse(null));
    }

    static GraphBatchLoadOutput graphBatchLoad(ServedLoadResult result) {
        return new GraphBatchLoadOutput(result.branch(), result.baseBranch().orElse(null), result.branchCreated(),
                result.mode().spelling(), declarations(result.nodes()), declarations(result.edges()),
                result.totalEntities(), result.actorId().orElse(null),
                result.commit().map(WireMapping::commit).orElse(null));
    }

    private static List<GraphBatchDeclarationOutput> declarations(List<ServedLoadResult.TypeCount> counts) {
        return counts.stream().map(count -> new GraphBatchDeclarationOutput(count.name(), count.entitiesLoaded()))
                .toList();
    }

    static BranchListOutput branches(ServedBranchListResult result) {
        return new BranchListOutput(result.branches());
    }

    static BranchCreateOutput branchCreated(ServedBranchResult result) {
        return new BranchCreateOutput(result.uri(), result.from().orElse("main"), result.name(),
                result.actorId().orElse(null));
    }

    static BranchDeleteOutput branchDeleted(ServedBranchResult result) {
        return new BranchDeleteOutput(result.uri(), result.name(), result.actorId().orElse(null));
    }

    /** The domain's JSON tree as the serializer's, keeping member order and number kinds. */
    static JsonNode jsonNode(JsonValue value) {
        if (value instanceof JsonObject object) {
            Map<String, JsonNode> members = new LinkedHashMap<>();
            object.members().forEach((key, member) -> members.put(key, jsonNode(member)));
            return JsonNode.createObjectNode(members);
        }
        if (value instanceof JsonArray array) {
            List<JsonNode> elements = new ArrayList<>(array.size());
            array.elements().forEach(element -> elements.add(jsonNode(element)));
            return JsonNode.createArrayNode(elements);
        }
        if (value instanceof JsonString string) {
            return JsonNode.createStringNode(string.value());
        }
        if (value instanceof JsonBool bool) {
            return JsonNode.createBooleanNode(bool.value());
        }
        if (value instanceof JsonNumber number) {
            if (number.isFloating()) {
                return JsonNode.createNumberNode(number.doubleValue());
            }
            BigDecimal exact = number.value();
            BigInteger integer = exact.toBigIntegerExact();
            return integer.bitLength() < Long.SIZE ? JsonNode.createNumberNode(integer.longValue())
                    : JsonNode.createNumberNode(integer);
        }
        return JsonNode.nullNode();
    }
}
