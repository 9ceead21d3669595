package dev.omnigraph.application.query;

import dev.omnigraph.domain.graph.load.PropertyValues;
import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonBool;
import dev.omnigraph.domain.json.JsonNull;
import dev.omnigraph.domain.json.JsonNumber;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonString;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.query.plan.MutationOp;
import dev.omnigraph.domain.query.plan.MutationPlan;
import dev.omnigraph.domain.query.plan.PlanExpr;
import dev.omnigraph.domain.query.plan.PlanFilter;
import dev.omnigraph.domain.query.typecheck.EdgeTypeInfo;
import dev.omnigraph.domain.query.typecheck.NodeTypeInfo;
import dev.omnigraph.domain.query.typecheck.QueryCatalog;
import dev.omnigraph.domain.query.typecheck.ScalarKind;
import dev.omnigraph.domain.query.typecheck.ValueType;
import dev.omnigraph.ports.out.table.ColumnVector;
import dev.omnigraph.ports.out.table.ColumnarBatch;
import dev.omnigraph.ports.out.table.ScanCursor;
import dev.omnigraph.ports.out.table.ScanRequest;
import dev.omnigraph.ports.out.table.TableFilter;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Decides what a mutation query does to one snapshot (engine notes §3.1 mutations, §6.6): every
 * statement runs in source order against the snapshot plus the query's own earlier effects
 * (read-your-writes), and the result is one {@link MutationEffect} the engine validates, writes and
 * publishes as one commit. Reads go through the {@link GraphReader}; nothing is written here.
 *
 * <ul>
 *   <li>{@code insert} of a node builds its record (a keyed node's id follows from its key, so an
 *       existing key is replaced: the reference's keyed upsert); an edge names its endpoints by id.</li>
 *   <li>{@code update T set {…} where p op v} rewrites every matching node, stored or inserted earlier
 *       in the query, keeping its id; unassigned properties keep their values.</li>
 *   <li>{@code delete T where …} deletes the matching nodes and cascades to every incident edge of the
 *       plan's cascade types; {@code delete E where …} (with {@code from}/{@code to} naming endpoints)
 *       deletes matching edges. Entities deleted by an earlier statement are not counted again.</li>
 * </ul>
 *
 * <p>Thread-safe: one execution per call.
 */
public final class MutationExecutor {

    /** Endpoint ids per {@code IN} list when finding cascaded edges. */
    static final int CASCADE_CHUNK = 1_000;

    private static final String SOURCE = "src";
    private static final String DESTINATION = "dst";

    private final InstantSource clock;

    public MutationExecutor(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Plans the effect of {@code plan} on the reader's snapshot with typed parameters
     * ({@link ParamBinder#bind(Map, JsonValue)} makes them from JSON).
     *
     * @throws QueryExecutionException when a parameter is missing or mistyped, or the plan does not fit
     *     the snapshot
     */
    public MutationEffect plan(GraphReader reader, MutationPlan plan, Map<String, ?> typedParams) {
        return plan(reader, plan, typedParams, clock.instant());
    }

    /** As {@link #plan(GraphReader, MutationPlan, Map)} with an explicit value for {@code now()}. */
    public MutationEffect plan(GraphReader reader, MutationPlan plan, Map<String, ?> typedParams, Instant now) {
        Map<String, Object> params = ParamBinder.checkTyped(plan.parameters(), typedParams);
        ExpressionEvaluator evaluator = new ExpressionEvaluator(plan.parameters(), params, now.toEpochMilli());
        return new Run(reader, evaluator).execute(plan.operations());
    }

    /** One record the query will upsert; its values stay typed until the effect is built. */
    private static final class Pending {
        final String tableKey;
        final String typeName;
        final String id;
        final String from;
        final String to;
        final Map<String, ValueType> types;
        final Map<String, Object> values;

        Pending(String tableKey, String typeName, String id, String from, String to, Map<String, ValueType> types,
                Map<String, Object> values) {
            this.tableKey = tableKey;
            this.typeName = typeName;
            this.id = id;
            this.from = from;
            this.to = to;
            this.types = types;
            this.values = values;
        }
    }

    private static final class Run {
        private final GraphReader reader;
        private final QueryCatalog catalog;
        private final ExpressionEvaluator evaluator;
        private final FilterPushdown pushdown;
        /** Upserts by entity: stored id, a keyed node's key tuple, or a fresh ordinal for unkeyed inserts. */
        private final Map<String, Pending> pending = new LinkedHashMap<>();
        private final Map<String, Set<String>> deletions = new LinkedHashMap<>();
        private long affectedNodes;
        private long affectedEdges;
        private int freshInserts;

        Run(GraphReader reader, ExpressionEvaluator evaluator) {
            this.reader = reader;
            this.catalog = reader.catalog();
            this.evaluator = evaluator;
            this.pushdown = new FilterPushdown(evaluator);
        }

        MutationEffect execute(List<MutationOp> operations) {
            for (MutationOp op : operations) {
                if (op instanceof MutationOp.InsertNode insert) {
                    insertNode(insert);
                } else if (op instanceof MutationOp.InsertEdge insert) {
                    insertEdge(insert);
                } else if (op instanceof MutationOp.UpdateNodes update) {
                    update(update);
                } else if (op instanceof MutationOp.DeleteNodes delete) {
                    deleteNodes(delete);
                } else {
                    deleteEdges((MutationOp.DeleteEdges) op);
                }
            }
            List<JsonObject> upserts = new ArrayList<>(pending.size());
            for (Pending record : pending.values()) {
                upserts.add(envelope(record));
            }
            return new MutationEffect(upserts, deletions, affectedNodes, affectedEdges);
        }

        // ── constructive ──────────────────────────────────────────────────────────────────

        private void insertNode(MutationOp.InsertNode insert) {
            NodeTypeInfo type = node(insert.typeName());
            Map<String, Object> values = new LinkedHashMap<>();
            for (MutationOp.PlanAssignment assignment : insert.assignments()) {
                values.put(assignment.property(), evaluator.constant(assignment.value()));
            }
            String entity = type.keyProperties().isEmpty()
                    ? "fresh\u0000" + (freshInserts++)
                    : keyEntity(type, values);
            Pending replaced = pending.get(entity);
            pending.remove(entity);
            pending.put(entity, new Pending("node:" + type.name(), type.name(), replaced == null ? null : replaced.id,
                    null, null, type.properties(), values));
            affectedNodes++;
        }

        private void insertEdge(MutationOp.InsertEdge insert) {
            EdgeTypeInfo type = edge(insert.typeName());
            Map<String, Object> values = new LinkedHashMap<>();
            for (MutationOp.PlanAssignment assignment : insert.assignments()) {
                values.put(assignment.property(), evaluator.constant(assignment.value()));
            }
            String from = endpoint(insert.from(), "from");
            String to = endpoint(insert.to(), "to");
            pending.put("fresh\u0000" + (freshInserts++), new Pending("edge:" + type.name(), type.name(), null, from, to,
                    type.properties(), values));
            affectedEdges++;
        }

        private String endpoint(PlanExpr expr, String role) {
            Object value = evaluator.constant(expr);
            if (!(value instanceof String id)) {
                throw new InvalidQueryValueException("edge `" + role + "` must be a node id (String), got "
                        + (value == null ? "null" : value));
            }
            return id;
        }

        private void update(MutationOp.UpdateNodes update) {
            NodeTypeInfo type = node(update.typeName());
            String tableKey = "node:" + type.name();
            MutationOp.PlanPredicate where = update.where();
            // Earlier inserts and updates of this query first, then stored rows they do not shadow.
            Set<String> shadowedIds = new LinkedHashSet<>();
            Set<List<Object>> shadowedKeys = new LinkedHashSet<>();
            for (Pending record : pending.values()) {
                if (!record.tableKey.equals(tableKey)) {
                    continue;
                }
                if (record.id != null) {
                    shadowedIds.add(record.id);
                }
                if (!type.keyProperties().isEmpty()) {
                    shadowedKeys.add(keyTuple(type, record.values));
                }
                if (matches(record.values.get(where.property()), type.properties().get(where.property()), where)) {
                    assign(record.values, update.assignments());
                    affectedNodes++;
                }
            }
            for (StoredRow row : matchingRows(tableKey, type.properties(), where)) {
                if (shadowedIds.contains(row.id())
                        || (!type.keyProperties().isEmpty() && shadowedKeys.contains(keyTuple(type, row.values())))) {
                    continue;
                }
                Map<String, Object> values = new LinkedHashMap<>(row.values());
                assign(values, update.assignments());
                pending.put("id\u0000" + tableKey + "\u0000" + row.id(), new Pending(tableKey, type.name(), row.id(), null,
                        null, type.properties(), values));
                affectedNodes++;
            }
        }

        private void assign(Map<String, Object> values, List<MutationOp.PlanAssignment> assignments) {
            for (MutationOp.PlanAssignment assignment : assignments) {
                values.put(assignment.property(), evaluator.constant(assignment.value()));
            }
        }

        // ── destructive ───────────────────────────────────────────────────────────────────

        private void deleteNodes(MutationOp.DeleteNodes delete) {
            NodeTypeInfo type = node(delete.typeName());
            String tableKey = "node:" + type.name();
            Set<String> deleted = deletions.computeIfAbsent(tableKey, k -> new LinkedHashSet<>());
            Set<String> ids = new LinkedHashSet<>();
            for (StoredRow row : matchingRows(tableKey, type.properties(), delete.where())) {
                if (deleted.add(row.id())) {
                    ids.add(row.id());
                }
            }
            affectedNodes += ids.size();
            if (ids.isEmpty()) {
                return;
            }
            for (String edgeType : delete.cascadeEdgeTypes()) {
                EdgeTypeInfo edge = edge(edgeType);
                boolean fromSide = edge.fromType().equals(type.name());
                boolean toSide = edge.toType().equals(type.name());
                Set<String> edgeDeleted = deletions.computeIfAbsent("edge:" + edge.name(), k -> new LinkedHashSet<>());
                for (String edgeId : incidentEdges("edge:" + edge.name(), List.copyOf(ids), fromSide, toSide)) {
                    if (edgeDeleted.add(edgeId)) {
                        affectedEdges++;
                    }
                }
            }
        }

        private void deleteEdges(MutationOp.DeleteEdges delete) {
            EdgeTypeInfo type = edge(delete.typeName());
            String tableKey = "edge:" + type.name();
            Set<String> deleted = deletions.computeIfAbsent(tableKey, k -> new LinkedHashSet<>());
            for (StoredRow row : matchingRows(tableKey, edgeColumns(type), edgePredicate(delete.where()))) {
                if (deleted.add(row.id())) {
                    affectedEdges++;
                }
            }
        }

        /** An edge's properties plus its endpoints, which predicates name {@code from}/{@code to}. */
        private static Map<String, ValueType> edgeColumns(EdgeTypeInfo type) {
            Map<String, ValueType> columns = new LinkedHashMap<>(type.properties());
            columns.put(SOURCE, ValueType.scalar(ScalarKind.STRING, false));
            columns.put(DESTINATION, ValueType.scalar(ScalarKind.STRING, false));
            return columns;
        }

        private static MutationOp.PlanPredicate edgePredicate(MutationOp.PlanPredicate where) {
            String column = switch (where.property()) {
                case "from" -> SOURCE;
                case "to" -> DESTINATION;
                default -> where.property();
            };
            return new MutationOp.PlanPredicate(column, where.op(), where.value(), where.type());
        }

        private List<String> incidentEdges(String tableKey, List<String> nodeIds, boolean fromSide, boolean toSide) {
            List<String> found = new ArrayList<>();
            for (int start = 0; start < nodeIds.size(); start += CASCADE_CHUNK) {
                List<Object> chunk = new ArrayList<>(nodeIds.subList(start, Math.min(nodeIds.size(), start + CASCADE_CHUNK)));
                List<TableFilter> sides = new ArrayList<>();
                if (fromSide) {
                    sides.add(new TableFilter.In(SOURCE, chunk));
                }
                if (toSide) {
                    sides.add(new TableFilter.In(DESTINATION, chunk));
                }
                TableFilter filter = sides.size() == 1 ? sides.get(0) : new TableFilter.Or(sides);
                try (ScanCursor cursor = reader.scan(tableKey, new ScanRequest(Optional.of(List.of(EntityRows.ID)), filter,
                        OptionalLong.empty()))) {
                    while (cursor.hasNext()) {
                        ColumnarBatch batch = cursor.next();
                        ColumnVector ids = batch.column(EntityRows.ID);
                        for (int row = 0; row < batch.rowCount(); row++) {
                            found.add(ids.getString(row));
                        }
                    }
                }
            }
            return found;
        }

        // ── reading stored rows ───────────────────────────────────────────────────────────

        private record StoredRow(String id, Map<String, Object> values) {
        }

        /** Stored rows whose {@code where} holds, every column read; the filter is pushed down when it can be. */
        private List<StoredRow> matchingRows(String tableKey, Map<String, ValueType> columns, MutationOp.PlanPredicate where) {
            ValueType columnType = columns.get(where.property());
            if (columnType == null) {
                throw new InvalidQueryPlanException(tableKey + " has no property '" + where.property() + "'");
            }
            PlanFilter filter = new PlanFilter(new PlanExpr.Property("m", where.property()), where.op(), where.value());
            TableFilter pushed = pushdown.translate(filter, "m", columns).orElse(TableFilter.ALL);
            List<String> names = new ArrayList<>();
            names.add(EntityRows.ID);
            names.addAll(columns.keySet());
            List<StoredRow> rows = new ArrayList<>();
            try (ScanCursor cursor = reader.scan(tableKey, new ScanRequest(Optional.of(names), pushed, OptionalLong.empty()))) {
                while (cursor.hasNext()) {
                    ColumnarBatch batch = cursor.next();
                    for (int row = 0; row < batch.rowCount(); row++) {
                        Map<String, Object> values = new LinkedHashMap<>();
                        for (String column : columns.keySet()) {
                            values.put(column, EntityRows.copy(batch.column(column), row));
                        }
                        if (matches(values.get(where.property()), columnType, where)) {
                            rows.add(new StoredRow(batch.column(EntityRows.ID).getString(row), values));
                        }
                    }
                }
            }
            return rows;
        }

        private boolean matches(Object stored, ValueType storedType, MutationOp.PlanPredicate where) {
            if (storedType == null) {
                return false;
            }
            Object value = evaluator.constant(where.value());
            ValueType valueType = evaluator.constantType(where.value());
            return ExpressionEvaluator.test(where.op(), stored, storedType.kind(), value, valueType.kind());
        }

        // ── records ───────────────────────────────────────────────────────────────────────

        private NodeTypeInfo node(String name) {
            return catalog.nodeType(name).orElseThrow(() ->
                    new InvalidQueryPlanException("node type `" + name + "` is not in the snapshot's schema"));
        }

        private EdgeTypeInfo edge(String name) {
            return catalog.edgeType(name).orElseThrow(() ->
                    new InvalidQueryPlanException("edge type `" + name + "` is not in the snapshot's schema"));
        }

        private static List<Object> keyTuple(NodeTypeInfo type, Map<String, Object> values) {
            List<Object> tuple = new ArrayList<>(type.keyProperties().size());
            for (String key : type.keyProperties()) {
                Object value = values.get(key);
                tuple.add(value instanceof Number number && !(value instanceof Double || value instanceof Float)
                        ? number.longValue() : value);
            }
            return tuple;
        }

        private static String keyEntity(NodeTypeInfo type, Map<String, Object> values) {
            return "key\u0000" + type.name() + "\u0000" + keyTuple(type, values);
        }

        private static JsonObject envelope(Pending record) {
            JsonObject.Builder data = JsonObject.builder();
            if (record.id != null) {
                data.put("id", record.id);
            }
            for (Map.Entry<String, Object> value : record.values.entrySet()) {
                ValueType type = record.types.get(value.getKey());
                data.put(value.getKey(), type == null ? JsonNull.INSTANCE : json(type, value.getValue()));
            }
            if (record.tableKey.startsWith("node:")) {
                return JsonObject.builder().put("type", record.typeName).put("data", data.build()).build();
            }
            return JsonObject.builder().put("edge", record.typeName).put("from", record.from).put("to", record.to)
                    .put("data", data.build()).build();
        }

        /** A typed value in the JSONL spelling the loader reads back (dates as text, U64 unsigned). */
        static JsonValue json(ValueType type, Object value) {
            if (value == null) {
                return JsonNull.INSTANCE;
            }
            if (type.list() && value instanceof List<?> list) {
                List<JsonValue> elements = new ArrayList<>(list.size());
                ValueType element = ValueType.scalar(type.kind(), true);
                for (Object item : list) {
                    elements.add(json(element, item));
                }
                return new JsonArray(elements);
            }
            return switch (type.kind()) {
                case STRING, BLOB -> new JsonString(String.valueOf(value));
                case BOOL -> JsonBool.of((Boolean) value);
                case I32, I64, U32 -> JsonNumber.of(((Number) value).longValue());
                case U64 -> JsonNumber.of(PropertyValues.unsigned(((Number) value).longValue()));
                case F32, F64 -> JsonNumber.ofDouble(((Number) value).doubleValue());
                case DATE -> new JsonString(PropertyValues.formatDate(((Number) value).longValue()));
                case DATE_TIME -> new JsonString(PropertyValues.formatDateTime(((Number) value).longValue()));
                case VECTOR -> {
                    float[] floats = (float[]) value;
                    List<JsonValue> elements = new ArrayList<>(floats.length);
                    for (float f : floats) {
                        elements.add(JsonNumber.ofDouble(f));
                    }
                    yield new JsonArray(elements);
                }
            };
        }
    }
}
