package dev.omnigraph.domain.schema;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonNull;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonShapeException;
import dev.omnigraph.domain.json.JsonValue;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * An effective constraint by property names, without positions: the reference's {@code Constraint}
 * as it appears in the schema shape and in {@code add_constraint} migration steps. Its JSON is the
 * reference's externally tagged form: {@code {"Key":["a"]}}, {@code {"Range":{"property":…,"min":…,"max":…}}}.
 */
public sealed interface ConstraintShape {

    /** The reference's canonical ordering key ({@code key:a,b}, {@code range:p:Some(Integer(0)):None}). */
    String sortKey();

    JsonValue toJson();

    /** The same constraint with field lists sorted and de-duplicated (key/unique/index only). */
    ConstraintShape normalized();

    record Key(List<String> fields) implements ConstraintShape {
        public Key {
            fields = List.copyOf(fields);
        }

        @Override
        public String sortKey() {
            return "key:" + String.join(",", fields);
        }

        @Override
        public JsonValue toJson() {
            return JsonObject.builder().put("Key", JsonArray.ofStrings(fields)).build();
        }

        @Override
        public ConstraintShape normalized() {
            return new Key(sortedUnique(fields));
        }
    }

    record Unique(List<String> fields) implements ConstraintShape {
        public Unique {
            fields = List.copyOf(fields);
        }

        @Override
        public String sortKey() {
            return "unique:" + String.join(",", fields);
        }

        @Override
        public JsonValue toJson() {
            return JsonObject.builder().put("Unique", JsonArray.ofStrings(fields)).build();
        }

        @Override
        public ConstraintShape normalized() {
            return new Unique(sortedUnique(fields));
        }
    }

    record Index(List<String> fields) implements ConstraintShape {
        public Index {
            fields = List.copyOf(fields);
        }

        @Override
        public String sortKey() {
            return "index:" + String.join(",", fields);
        }

        @Override
        public JsonValue toJson() {
            return JsonObject.builder().put("Index", JsonArray.ofStrings(fields)).build();
        }

        @Override
        public ConstraintShape normalized() {
            return new Index(sortedUnique(fields));
        }
    }

    record Range(String property, RangeBound min, RangeBound max) implements ConstraintShape {
        public Range {
            Objects.requireNonNull(property, "property");
        }

        @Override
        public String sortKey() {
            return "range:" + property + ":" + debugOption(min) + ":" + debugOption(max);
        }

        @Override
        public JsonValue toJson() {
            return JsonObject.builder().put("Range", JsonObject.builder()
                    .put("property", property)
                    .put("min", min == null ? JsonNull.INSTANCE : min.toJson())
                    .put("max", max == null ? JsonNull.INSTANCE : max.toJson())
                    .build()).build();
        }

        @Override
        public ConstraintShape normalized() {
            return this;
        }
    }

    record Check(String property, String pattern) implements ConstraintShape {
        public Check {
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(pattern, "pattern");
        }

        @Override
        public String sortKey() {
            return "check:" + property + ":" + pattern;
        }

        @Override
        public JsonValue toJson() {
            return JsonObject.builder().put("Check", JsonObject.builder()
                    .put("property", property)
                    .put("pattern", pattern)
                    .build()).build();
        }

        @Override
        public ConstraintShape normalized() {
            return this;
        }
    }

    /** The shape of a written constraint (names only). */
    static ConstraintShape of(Constraint constraint) {
        List<String> names = constraint.properties().stream().map(Name::text).toList();
        if (constraint instanceof Constraint.Key) {
            return new Key(names);
        }
        if (constraint instanceof Constraint.Unique) {
            return new Unique(names);
        }
        if (constraint instanceof Constraint.Index) {
            return new Index(names);
        }
        if (constraint instanceof Constraint.Range range) {
            // Reference compatibility: its parser stores the first bound written as the minimum,
            // so `..max` means `max..`. Shapes, IR and hashes follow it; the tree keeps the spelling.
            if (range.min() == null) {
                return new Range(range.property().text(), range.max(), null);
            }
            return new Range(range.property().text(), range.min(), range.max());
        }
        Constraint.Check check = (Constraint.Check) constraint;
        return new Check(check.property().text(), check.pattern());
    }

    static ConstraintShape fromJson(JsonValue json) {
        JsonObject object = json.asObject();
        if (object.size() != 1) {
            throw new JsonShapeException("a constraint is an object with exactly one tag");
        }
        String tag = object.keys().iterator().next();
        JsonValue body = object.get(tag);
        return switch (tag) {
            case "Key" -> new Key(strings(body));
            case "Unique" -> new Unique(strings(body));
            case "Index" -> new Index(strings(body));
            case "Range" -> {
                JsonObject range = body.asObject();
                JsonValue min = range.getOrNull("min");
                JsonValue max = range.getOrNull("max");
                yield new Range(range.get("property").asString(), min == null ? null : RangeBound.fromJson(min),
                        max == null ? null : RangeBound.fromJson(max));
            }
            case "Check" -> new Check(body.asObject().get("property").asString(),
                    body.asObject().get("pattern").asString());
            default -> throw new JsonShapeException("unknown constraint tag '" + tag + "'");
        };
    }

    private static List<String> strings(JsonValue json) {
        return json.asArray().elements().stream().map(JsonValue::asString).toList();
    }

    private static List<String> sortedUnique(List<String> fields) {
        TreeSet<String> sorted = new TreeSet<>(dev.omnigraph.domain.json.JsonDigest.CODE_POINT_ORDER);
        sorted.addAll(fields);
        return List.copyOf(sorted);
    }

    private static String debugOption(RangeBound bound) {
        return bound == null ? "None" : "Some(" + bound.debugSpelling() + ")";
    }
}
