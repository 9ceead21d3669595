package dev.omnigraph.domain.schema.ir;

import dev.omnigraph.domain.json.JsonNull;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonShapeException;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.schema.ConstraintShape;
import dev.omnigraph.domain.schema.RangeBound;

import java.util.List;
import java.util.stream.Collectors;

/** An effective constraint whose fields are bound to identity. JSON is tagged by {@code kind}. */
public sealed interface ConstraintIr {

    JsonObject toJson();

    /** The constraint by current names (the reference's {@code constraint_from_ir}). */
    ConstraintShape toShape();

    /** Identity-based key used by the migration planner: field order does not matter, names do not matter. */
    String identityKey();

    List<FieldRef> fields();

    record Key(List<FieldRef> fields) implements ConstraintIr {
        public Key {
            fields = List.copyOf(fields);
        }

        @Override
        public JsonObject toJson() {
            return tagged("key", fields);
        }

        @Override
        public ConstraintShape toShape() {
            return new ConstraintShape.Key(names(fields));
        }

        @Override
        public String identityKey() {
            return "key:" + sortedKeys(fields);
        }
    }

    record Unique(List<FieldRef> fields) implements ConstraintIr {
        public Unique {
            fields = List.copyOf(fields);
        }

        @Override
        public JsonObject toJson() {
            return tagged("unique", fields);
        }

        @Override
        public ConstraintShape toShape() {
            return new ConstraintShape.Unique(names(fields));
        }

        @Override
        public String identityKey() {
            return "unique:" + sortedKeys(fields);
        }
    }

    record Index(List<FieldRef> fields) implements ConstraintIr {
        public Index {
            fields = List.copyOf(fields);
        }

        @Override
        public JsonObject toJson() {
            return tagged("index", fields);
        }

        @Override
        public ConstraintShape toShape() {
            return new ConstraintShape.Index(names(fields));
        }

        @Override
        public String identityKey() {
            return "index:" + sortedKeys(fields);
        }
    }

    record Range(FieldRef field, RangeBound min, RangeBound max) implements ConstraintIr {
        @Override
        public List<FieldRef> fields() {
            return List.of(field);
        }

        @Override
        public JsonObject toJson() {
            return JsonObject.builder()
                    .put("kind", "range")
                    .put("field", field.toJson())
                    .put("min", min == null ? JsonNull.INSTANCE : min.toJson())
                    .put("max", max == null ? JsonNull.INSTANCE : max.toJson())
                    .build();
        }

        @Override
        public ConstraintShape toShape() {
            return new ConstraintShape.Range(field.name(), min, max);
        }

        @Override
        public String identityKey() {
            return "range:" + field.identityKey() + ":" + debug(min) + ":" + debug(max);
        }
    }

    record Check(FieldRef field, String pattern) implements ConstraintIr {
        @Override
        public List<FieldRef> fields() {
            return List.of(field);
        }

        @Override
        public JsonObject toJson() {
            return JsonObject.builder()
                    .put("kind", "check")
                    .put("field", field.toJson())
                    .put("pattern", pattern)
                    .build();
        }

        @Override
        public ConstraintShape toShape() {
            return new ConstraintShape.Check(field.name(), pattern);
        }

        @Override
        public String identityKey() {
            return "check:" + field.identityKey() + ":" + pattern;
        }
    }

    static ConstraintIr fromJson(JsonValue json) {
        JsonObject object = json.asObject();
        String kind = object.get("kind").asString();
        return switch (kind) {
            case "key" -> new Key(IrJson.list(object, "fields", FieldRef::fromJson));
            case "unique" -> new Unique(IrJson.list(object, "fields", FieldRef::fromJson));
            case "index" -> new Index(IrJson.list(object, "fields", FieldRef::fromJson));
            case "range" -> {
                JsonValue min = object.getOrNull("min");
                JsonValue max = object.getOrNull("max");
                yield new Range(FieldRef.fromJson(object.get("field")), min == null ? null : RangeBound.fromJson(min),
                        max == null ? null : RangeBound.fromJson(max));
            }
            case "check" -> new Check(FieldRef.fromJson(object.get("field")), object.get("pattern").asString());
            default -> throw new JsonShapeException("unknown constraint kind '" + kind + "'");
        };
    }

    private static JsonObject tagged(String kind, List<FieldRef> fields) {
        return JsonObject.builder().put("kind", kind).put("fields", IrJson.array(fields, FieldRef::toJson)).build();
    }

    private static List<String> names(List<FieldRef> fields) {
        return fields.stream().map(FieldRef::name).toList();
    }

    private static String sortedKeys(List<FieldRef> fields) {
        return fields.stream().map(FieldRef::identityKey).sorted().collect(Collectors.joining(","));
    }

    private static String debug(RangeBound bound) {
        return bound == null ? "None" : "Some(" + bound.debugSpelling() + ")";
    }
}
