package dev.omnigraph.domain.graph.load;

import dev.omnigraph.domain.graph.load.GraphRecord.EdgeRecord;
import dev.omnigraph.domain.graph.load.GraphRecord.NodeRecord;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonString;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.schema.PropertyType;
import dev.omnigraph.domain.schema.RangeBound;
import dev.omnigraph.domain.schema.ir.ConstraintIr;
import dev.omnigraph.domain.schema.ir.FieldRef;
import dev.omnigraph.domain.schema.ir.PropertyIr;
import dev.omnigraph.domain.schema.ir.SchemaIr;
import dev.omnigraph.domain.schema.ir.SchemaIr.EdgeIr;
import dev.omnigraph.domain.schema.ir.SchemaIr.NodeIr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Decodes and validates one record of the JSONL envelope against the accepted schema: every check that
 * needs nothing but the record itself (type exists, known members, value types, enums, required values,
 * {@code @range}, {@code @check}, key-derived ids). All violations of a record are reported together.
 */
public final class RecordDecoder {

    private static final Set<String> NODE_MEMBERS = Set.of("type", "data");
    private static final Set<String> EDGE_MEMBERS = Set.of("edge", "from", "to", "data");

    private final SchemaIr schema;
    private final Map<String, Pattern> checkPatterns = new HashMap<>();

    public RecordDecoder(SchemaIr schema) {
        this.schema = schema;
        for (NodeIr node : schema.nodes()) {
            for (ConstraintIr constraint : node.constraints()) {
                if (constraint instanceof ConstraintIr.Check check) {
                    try {
                        checkPatterns.putIfAbsent(check.pattern(), Pattern.compile(check.pattern()));
                    } catch (PatternSyntaxException invalid) {
                        checkPatterns.putIfAbsent(check.pattern(), null);
                    }
                }
            }
        }
    }

    /**
     * Decodes one envelope.
     *
     * @param idMinter supplies a fresh id for unkeyed nodes and edges that carry none
     * @throws GraphDataException with every violation of the record
     */
    public GraphRecord decode(JsonValue envelope, int line, Supplier<String> idMinter) {
        if (!(envelope instanceof JsonObject object)) {
            throw violation(DataCodes.MALFORMED_RECORD, line, "expected an object {\"type\":…,\"data\":…} or {\"edge\":…,\"from\":…,\"to\":…}");
        }
        if (object.has("type")) {
            return decodeNode(object, line, idMinter);
        }
        if (object.has("edge")) {
            return decodeEdge(object, line, idMinter);
        }
        throw violation(DataCodes.MALFORMED_RECORD, line, "a record needs a \"type\" (node) or \"edge\" member");
    }

    private NodeRecord decodeNode(JsonObject object, int line, Supplier<String> idMinter) {
        List<DataViolation> violations = new ArrayList<>();
        checkMembers(object, NODE_MEMBERS, line, violations);
        String typeName = stringMember(object, "type", line, violations);
        NodeIr node = typeName == null ? null : schema.node(typeName).orElse(null);
        if (typeName != null && node == null) {
            violations.add(new DataViolation(DataCodes.UNKNOWN_TYPE, line, "unknown node type '" + typeName + "'"));
        }
        JsonObject data = dataMember(object, line, violations);
        if (node == null || data == null) {
            throw new GraphDataException(violations);
        }
        Map<String, Object> values = decodeProperties(node.name(), node.properties(), data, line, violations);
        checkValueConstraints(node, values, line, violations);
        String id = nodeId(node, data, values, line, violations, idMinter);
        if (!violations.isEmpty()) {
            throw new GraphDataException(violations);
        }
        return new NodeRecord(node.name(), id, values, line);
    }

    private EdgeRecord decodeEdge(JsonObject object, int line, Supplier<String> idMinter) {
        List<DataViolation> violations = new ArrayList<>();
        checkMembers(object, EDGE_MEMBERS, line, violations);
        String typeName = stringMember(object, "edge", line, violations);
        EdgeIr edge = typeName == null ? null : schema.edge(typeName).orElse(null);
        if (typeName != null && edge == null) {
            violations.add(new DataViolation(DataCodes.UNKNOWN_TYPE, line, "unknown edge type '" + typeName + "'"));
        }
        String from = stringMember(object, "from", line, violations);
        String to = stringMember(object, "to", line, violations);
        JsonObject data = object.has("data") ? dataMember(object, line, violations) : JsonObject.empty();
        if (edge == null || data == null || from == null || to == null) {
            throw new GraphDataException(violations);
        }
        Map<String, Object> values = decodeProperties(edge.name(), edge.properties(), data, line, violations);
        String id = suppliedId(data, line, violations).orElseGet(idMinter);
        if (!violations.isEmpty()) {
            throw new GraphDataException(violations);
        }
        return new EdgeRecord(edge.name(), id, from, to, values, line);
    }

    private Map<String, Object> decodeProperties(String typeName, List<PropertyIr> properties, JsonObject data, int line,
                                                 List<DataViolation> violations) {
        Map<String, PropertyIr> byName = new LinkedHashMap<>();
        properties.forEach(p -> byName.put(p.name(), p));
        for (String member : data.keys()) {
            if (!member.equals("id") && !byName.containsKey(member)) {
                violations.add(new DataViolation(DataCodes.UNKNOWN_PROPERTY, line,
                        typeName + " has no property '" + member + "'"));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (PropertyIr property : properties) {
            PropertyType type = property.type();
            JsonValue json = data.getOrNull(property.name());
            Object value;
            try {
                value = PropertyValues.fromJson(type, json);
            } catch (PropertyValues.ValueMismatch mismatch) {
                String code = type.isBlob() ? DataCodes.UNSUPPORTED_VALUE : DataCodes.TYPE_MISMATCH;
                violations.add(new DataViolation(code, line, typeName + "." + property.name() + ": " + mismatch.getMessage()));
                continue;
            }
            if (value == null && !type.nullable()) {
                violations.add(new DataViolation(DataCodes.REQUIRED_MISSING, line,
                        typeName + "." + property.name() + " is required (" + PropertyValues.spell(type) + ") but "
                                + (json == null ? "missing" : "null")));
                continue;
            }
            values.put(property.name(), value);
        }
        return values;
    }

    private void checkValueConstraints(NodeIr node, Map<String, Object> values, int line, List<DataViolation> violations) {
        for (ConstraintIr constraint : node.constraints()) {
            if (constraint instanceof ConstraintIr.Range range && range.field() instanceof FieldRef.PropertyField field) {
                Object value = values.get(field.property().propertyName());
                if (value instanceof Number number && !inRange(number.doubleValue(), range.min(), range.max())) {
                    violations.add(new DataViolation(DataCodes.RANGE_VIOLATION, line, node.name() + "." + field.property().propertyName()
                            + ": " + number + " is outside @range(" + spell(range.min()) + ".." + spell(range.max()) + ")"));
                }
            } else if (constraint instanceof ConstraintIr.Check check && check.field() instanceof FieldRef.PropertyField field) {
                Object value = values.get(field.property().propertyName());
                Pattern pattern = checkPatterns.get(check.pattern());
                if (value instanceof String text && (pattern == null || !pattern.matcher(text).find())) {
                    violations.add(new DataViolation(DataCodes.CHECK_VIOLATION, line, node.name() + "." + field.property().propertyName()
                            + ": \"" + text + "\" does not match @check(\"" + check.pattern() + "\")"));
                }
            }
        }
    }

    private String nodeId(NodeIr node, JsonObject data, Map<String, Object> values, int line, List<DataViolation> violations,
                          Supplier<String> idMinter) {
        Optional<String> supplied = suppliedId(data, line, violations);
        Optional<List<String>> key = node.keyPropertiesInIdentityOrder();
        if (key.isEmpty()) {
            return supplied.orElseGet(idMinter);
        }
        List<PropertyType> types = new ArrayList<>();
        List<Object> keyValues = new ArrayList<>();
        for (String name : key.get()) {
            Object value = values.get(name);
            if (value == null) {
                return supplied.orElse("");
            }
            types.add(node.properties().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().type());
            keyValues.add(value);
        }
        String derived = KeyIds.derive(types, keyValues);
        if (supplied.isPresent() && !supplied.get().equals(derived)) {
            violations.add(new DataViolation(DataCodes.ID_MISMATCH, line, node.name() + ": data.id '" + supplied.get()
                    + "' differs from the id derived from its key (" + String.join(", ", key.get()) + "): '" + derived + "'"));
        }
        return derived;
    }

    private static Optional<String> suppliedId(JsonObject data, int line, List<DataViolation> violations) {
        JsonValue id = data.getOrNull("id");
        if (id == null || id.isNull()) {
            return Optional.empty();
        }
        if (id instanceof JsonString string && !string.value().isEmpty()) {
            return Optional.of(string.value());
        }
        violations.add(new DataViolation(DataCodes.TYPE_MISMATCH, line, "data.id must be a non-empty string"));
        return Optional.empty();
    }

    private static void checkMembers(JsonObject object, Set<String> allowed, int line, List<DataViolation> violations) {
        for (String member : object.keys()) {
            if (!allowed.contains(member)) {
                violations.add(new DataViolation(DataCodes.MALFORMED_RECORD, line, "unknown record member '" + member
                        + "' (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")"));
            }
        }
    }

    private static String stringMember(JsonObject object, String member, int line, List<DataViolation> violations) {
        JsonValue value = object.getOrNull(member);
        if (value instanceof JsonString string && !string.value().isEmpty()) {
            return string.value();
        }
        violations.add(new DataViolation(DataCodes.MALFORMED_RECORD, line, "\"" + member + "\" must be a non-empty string"));
        return null;
    }

    private static JsonObject dataMember(JsonObject object, int line, List<DataViolation> violations) {
        JsonValue data = object.getOrNull("data");
        if (data == null) {
            return JsonObject.empty();
        }
        if (data instanceof JsonObject dataObject) {
            return dataObject;
        }
        violations.add(new DataViolation(DataCodes.MALFORMED_RECORD, line, "\"data\" must be an object"));
        return null;
    }

    private static boolean inRange(double value, RangeBound min, RangeBound max) {
        return (min == null || value >= boundValue(min)) && (max == null || value <= boundValue(max));
    }

    private static double boundValue(RangeBound bound) {
        if (bound instanceof RangeBound.IntegerBound integer) {
            return integer.value();
        }
        return ((RangeBound.FloatBound) bound).value();
    }

    private static String spell(RangeBound bound) {
        if (bound == null) {
            return "";
        }
        if (bound instanceof RangeBound.IntegerBound integer) {
            return Long.toString(integer.value());
        }
        return Double.toString(((RangeBound.FloatBound) bound).value());
    }

    private static GraphDataException violation(String code, int line, String message) {
        return new GraphDataException(new DataViolation(code, line, message));
    }
}
