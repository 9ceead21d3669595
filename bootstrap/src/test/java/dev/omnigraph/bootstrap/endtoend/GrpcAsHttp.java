package dev.omnigraph.bootstrap.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Timestamp;
import dev.omnigraph.adapters.grpc.v1.ChangeResult;
import dev.omnigraph.adapters.grpc.v1.Column;
import dev.omnigraph.adapters.grpc.v1.Commit;
import dev.omnigraph.adapters.grpc.v1.CreateBranchResponse;
import dev.omnigraph.adapters.grpc.v1.DeleteBranchResponse;
import dev.omnigraph.adapters.grpc.v1.ListBranchesResponse;
import dev.omnigraph.adapters.grpc.v1.ListCommitsResponse;
import dev.omnigraph.adapters.grpc.v1.ListGraphsResponse;
import dev.omnigraph.adapters.grpc.v1.ListStoredQueriesResponse;
import dev.omnigraph.adapters.grpc.v1.LoadResult;
import dev.omnigraph.adapters.grpc.v1.Row;
import dev.omnigraph.adapters.grpc.v1.Schema;
import dev.omnigraph.adapters.grpc.v1.Snapshot;
import dev.omnigraph.adapters.grpc.v1.StoredQuery;
import dev.omnigraph.adapters.grpc.v1.StoredQueryParam;
import dev.omnigraph.adapters.grpc.v1.TypeCount;
import dev.omnigraph.adapters.grpc.v1.TypeSnapshot;
import dev.omnigraph.adapters.grpc.v1.Value;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The gRPC answers written the way the HTTP API writes the same results (member names, JSON spellings of
 * values, null for unset optionals), so a parity test can compare the two doors with JSON equality. Both
 * sides go through {@link #normalized}, which drops null members (HTTP omits some and writes others as null;
 * gRPC leaves them unset) and makes number nodes comparable.
 */
final class GrpcAsHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_SAFE_INTEGER = 9_007_199_254_740_991L;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private GrpcAsHttp() {}

    /** Null members removed (recursively) and numbers re-read, so equal documents compare equal. */
    static JsonNode normalized(JsonNode node) {
        try {
            return JSON.readTree(JSON.writeValueAsString(withoutNulls(node)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> members = node.fields();
            while (members.hasNext()) {
                Map.Entry<String, JsonNode> member = members.next();
                if (!member.getValue().isNull()) {
                    copy.set(member.getKey(), withoutNulls(member.getValue()));
                }
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(withoutNulls(element)));
            return copy;
        }
        return node;
    }

    static JsonNode graphs(ListGraphsResponse response) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode graphs = body.putArray("graphs");
        response.getGraphsList().forEach(graph -> graphs.addObject().put("graph_id", graph.getGraphId())
                .put("uri", graph.getUri()));
        return normalized(body);
    }

    static JsonNode snapshot(Snapshot snapshot) {
        ObjectNode body = JSON.createObjectNode().put("graph_branch", snapshot.getGraphBranch())
                .put("graph_manifest_version", snapshot.getGraphManifestVersion())
                .put("internal_schema_version", snapshot.getInternalSchemaVersion());
        ArrayNode datasets = body.putArray("datasets");
        for (TypeSnapshot type : snapshot.getTypesList()) {
            ObjectNode dataset = datasets.addObject()
                    .put("entity_kind", type.getEntityKind().name().substring("ENTITY_KIND_".length()).toLowerCase())
                    .put("type_name", type.getTypeName()).put("dataset_path", type.getPath())
                    .put("published_dataset_version", type.getPublishedVersion())
                    .put("entity_count", type.getEntityCount());
            if (type.hasNativeBranch()) {
                dataset.put("native_dataset_branch", type.getNativeBranch());
            }
        }
        return normalized(body);
    }

    static JsonNode read(GrpcClient.Read read) {
        ObjectNode body = JSON.createObjectNode().put("query_name", read.header().getQueryName());
        ObjectNode target = body.putObject("target");
        if (read.header().getTarget().hasBranch()) {
            target.put("branch", read.header().getTarget().getBranch());
        }
        if (read.header().getTarget().hasSnapshot()) {
            target.put("snapshot", read.header().getTarget().getSnapshot());
        }
        body.put("row_count", read.header().getRowCount());
        ArrayNode columns = body.putArray("columns");
        List<Column> described = read.header().getColumnsList();
        described.forEach(column -> columns.add(column.getName()));
        ArrayNode rows = body.putArray("rows");
        for (Row row : read.rows()) {
            ObjectNode object = rows.addObject();
            for (int i = 0; i < described.size(); i++) {
                object.set(described.get(i).getName(), value(row.getValues(i)));
            }
        }
        if (read.header().hasGraphCommitId()) {
            body.put("graph_commit_id", read.header().getGraphCommitId());
        }
        return normalized(body);
    }

    /** A typed value in HTTP's JSON spelling ({@code ResultJson}). */
    static JsonNode value(Value value) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> JSON.nullNode();
            case BOOL_VALUE -> JSON.getNodeFactory().booleanNode(value.getBoolValue());
            case INT_VALUE -> Math.abs(value.getIntValue()) > MAX_SAFE_INTEGER
                    ? JSON.getNodeFactory().textNode(Long.toString(value.getIntValue()))
                    : JSON.getNodeFactory().numberNode(value.getIntValue());
            case UINT_VALUE -> {
                BigInteger unsigned = new BigInteger(Long.toUnsignedString(value.getUintValue()));
                yield unsigned.compareTo(BigInteger.valueOf(MAX_SAFE_INTEGER)) > 0
                        ? JSON.getNodeFactory().textNode(unsigned.toString()) : JSON.getNodeFactory().numberNode(unsigned);
            }
            case FLOAT_VALUE -> floating(value.getFloatValue());
            case STRING_VALUE -> JSON.getNodeFactory().textNode(value.getStringValue());
            case DATE_VALUE -> JSON.getNodeFactory().textNode(value.getDateValue());
            case DATE_TIME_VALUE -> JSON.getNodeFactory().textNode(DATE_TIME.format(instant(value.getDateTimeValue())));
            case LIST_VALUE -> {
                ArrayNode list = JSON.createArrayNode();
                value.getListValue().getValuesList().forEach(element -> list.add(value(element)));
                yield list;
            }
            case VECTOR_VALUE -> {
                ArrayNode vector = JSON.createArrayNode();
                value.getVectorValue().getComponentsList().forEach(component -> {
                    if (Float.isFinite(component)) {
                        vector.add((double) component);
                    } else {
                        vector.addNull();
                    }
                });
                yield vector;
            }
        };
    }

    private static JsonNode floating(double number) {
        if (Double.isNaN(number)) {
            return JSON.getNodeFactory().textNode("NaN");
        }
        if (Double.isInfinite(number)) {
            return JSON.getNodeFactory().textNode(number > 0 ? "Infinity" : "-Infinity");
        }
        return JSON.getNodeFactory().numberNode(number);
    }

    private static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    static JsonNode change(ChangeResult change) {
        ObjectNode body = JSON.createObjectNode().put("branch", change.getBranch())
                .put("query_name", change.getQueryName()).put("affected_nodes", change.getAffectedNodes())
                .put("affected_edges", change.getAffectedEdges());
        if (change.hasActorId()) {
            body.put("actor_id", change.getActorId());
        }
        if (change.hasCommit()) {
            body.set("commit", commitNode(change.getCommit()));
        }
        return normalized(body);
    }

    static JsonNode commit(Commit commit) {
        return normalized(commitNode(commit));
    }

    private static ObjectNode commitNode(Commit commit) {
        ObjectNode body = JSON.createObjectNode().put("graph_commit_id", commit.getGraphCommitId())
                .put("graph_branch", commit.getGraphBranch())
                .put("graph_manifest_version", commit.getGraphManifestVersion());
        if (commit.hasParentCommitId()) {
            body.put("parent_commit_id", commit.getParentCommitId());
        }
        if (commit.hasMergedParentCommitId()) {
            body.put("merged_parent_commit_id", commit.getMergedParentCommitId());
        }
        if (commit.hasActorId()) {
            body.put("actor_id", commit.getActorId());
        }
        Timestamp created = commit.getCreatedAt();
        body.put("created_at", created.getSeconds() * 1_000_000L + created.getNanos() / 1_000);
        return body;
    }

    static JsonNode commits(ListCommitsResponse response) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode commits = body.putArray("commits");
        response.getCommitsList().forEach(commit -> commits.add(commitNode(commit)));
        return normalized(body);
    }

    static JsonNode catalog(ListStoredQueriesResponse response) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode queries = body.putArray("queries");
        for (StoredQuery query : response.getQueriesList()) {
            ObjectNode entry = queries.addObject().put("name", query.getName()).put("tool_name", query.getToolName());
            if (query.hasDescription()) {
                entry.put("description", query.getDescription());
            }
            if (query.hasInstruction()) {
                entry.put("instruction", query.getInstruction());
            }
            entry.put("mutation", query.getMutation());
            ArrayNode params = entry.putArray("params");
            for (StoredQueryParam param : query.getParamsList()) {
                ObjectNode described = params.addObject().put("name", param.getName()).put("kind", param.getKind());
                if (param.hasItemKind()) {
                    described.put("item_kind", param.getItemKind());
                }
                if (param.hasVectorDim()) {
                    described.put("vector_dim", param.getVectorDim());
                }
                described.put("nullable", param.getNullable());
            }
        }
        return normalized(body);
    }

    static JsonNode schema(Schema schema) {
        return normalized(JSON.createObjectNode().put("schema_source", schema.getSchemaSource()));
    }

    static JsonNode load(LoadResult load) {
        ObjectNode body = JSON.createObjectNode().put("uri", load.getUri()).put("branch", load.getBranch());
        if (load.hasBaseBranch()) {
            body.put("base_branch", load.getBaseBranch());
        }
        body.put("branch_created", load.getBranchCreated())
                .put("mode", load.getMode().name().substring("LOAD_MODE_".length()).toLowerCase());
        counts(body.putArray("nodes"), load.getNodesList());
        counts(body.putArray("edges"), load.getEdgesList());
        body.put("total_entities", load.getTotalEntities());
        if (load.hasActorId()) {
            body.put("actor_id", load.getActorId());
        }
        if (load.hasCommit()) {
            body.set("commit", commitNode(load.getCommit()));
        }
        return normalized(body);
    }

    private static void counts(ArrayNode array, List<TypeCount> counts) {
        counts.forEach(count -> array.addObject().put("name", count.getName())
                .put("entities_loaded", count.getEntitiesLoaded()));
    }

    static JsonNode branches(ListBranchesResponse response) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode branches = body.putArray("branches");
        response.getBranchesList().forEach(branches::add);
        return normalized(body);
    }

    static JsonNode branchCreated(CreateBranchResponse created) {
        ObjectNode body = JSON.createObjectNode().put("uri", created.getUri()).put("from", created.getFrom())
                .put("name", created.getName());
        if (created.hasActorId()) {
            body.put("actor_id", created.getActorId());
        }
        return normalized(body);
    }

    static JsonNode branchDeleted(DeleteBranchResponse deleted) {
        ObjectNode body = JSON.createObjectNode().put("uri", deleted.getUri()).put("name", deleted.getName());
        if (deleted.hasActorId()) {
            body.put("actor_id", deleted.getActorId());
        }
        return normalized(body);
    }
}
