package dev.omnigraph.domain.schema.migration;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonShapeException;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.schema.Annotation;
import dev.omnigraph.domain.schema.ConstraintShape;
import dev.omnigraph.domain.schema.PropertyType;
import dev.omnigraph.domain.schema.TypeKind;

import java.util.List;
import java.util.Objects;

/**
 * One step of a schema migration plan. JSON is the reference's: an object tagged
 * {@code "kind": "<snake_case>"} followed by the step's fields in declaration order.
 */
public sealed interface MigrationStep {

    JsonObject toJson();

    /** A new type (fresh type id): creates its dataset; interfaces are catalog-only. */
    record AddType(TypeKind typeKind, String name) implements MigrationStep {
        @Override
        public JsonObject toJson() {
            return tag("add_type").put("type_kind", typeKind.label()).put("name", name).build();
        }
    }

    /** Same type id, new name: metadata only (identity, path and history preserved). */
    record RenameType(TypeKind typeKind, String from, String to) implements MigrationStep {
        @Override
        public JsonObject toJson() {
            return tag("rename_type").put("type_kind", typeKind.label()).put("from", from).put("to", to).build();
        }
    }

    /** A new nullable property: the dataset is rewritten with a null column. */
    record AddProperty(TypeKind typeKind, String typeName, String propertyName, PropertyType propertyType)
            implements MigrationStep {
        @Override
        public JsonObject toJson() {
            return tag("add_property").put("type_kind", typeKind.label()).put("type_name", typeName)
                    .put("property_name", propertyName).put("property_type", propertyType.toJson()).build();
        }
    }

    /** Same property id, new name: the column is renamed. */
    record RenameProperty(TypeKind typeKind, String typeName, String from, String to) implements MigrationStep {
        @Override
        public JsonObject toJson() {
            return tag("rename_property").put("type_kind", typeKind.label()).put("type_name", typeName)
                    .put("from", from).put("to", to).build();
        }
    }

    /** An added {@code @index} (the only constraint addition supported): metadata only. */
    record AddConstraint(TypeKind typeKind, String typeName, ConstraintShape constraint) implements MigrationStep {
        @Override
        public JsonObject toJson() {
            return tag("add_constraint").put("type_kind", typeKind.label()).put("type_name", typeName)
                    .put("constraint", constraint.toJson()).build();
        }
    }

    /** Pure enum widening; {@code propertyName} is the desired (post-rename) name. */
    record ExtendEnum(TypeKind typeKind, String typeName, String propertyName, List<String> addedValues)
            implements MigrationStep {
        public ExtendEnum {
            addedValues = List.copyOf(addedValues);
        }

        @Override
        public JsonObject toJson() {
            return tag("extend_enum").put("type_kind", typeKind.label()).put("type_name", typeName)
                    .put("property_name", propertyName).put("added_values", JsonArray.ofStrings(addedValues)).build();
        }
    }

    /** Only {@code @description}/{@code @instruction} changed on a type; carries the desired ones. */
    record UpdateTypeMetadata(TypeKind typeKind, String name, List<Annotation> annotations) implements MigrationStep {
        public UpdateTypeMetadata {
            annotations = List.copyOf(annotations);
        }

        @Override
        public JsonObject toJson() {
            return tag("update_type_metadata").put("type_kind", typeKind.label()).put("name", name)
                    .put("annotations", annotationArray(annotations)).build();
        }
    }

    /** Only {@code @description}/{@code @instruction} changed on a property. */
    record UpdatePropertyMetadata(TypeKind typeKind, String typeName, String propertyName,
                                  List<Annotation> annotations) implements MigrationStep {
        public UpdatePropertyMetadata {
            annotations = List.copyOf(annotations);
        }

        @Override
        public JsonObject toJson() {
            return tag("update_property_metadata").put("type_kind", typeKind.label()).put("type_name", typeName)
                    .put("property_name", propertyName).put("annotations", annotationArray(annotations)).build();
        }
    }

    /** A node or edge type absent from the desired schema. */
    record DropType(TypeKind typeKind, String name, DropMode mode) implements MigrationStep {
        @Override
        public JsonObject toJson() {
            return tag("drop_type").put("type_kind", typeKind.label()).put("name", name).put("mode", mode.label())
                    .build();
        }
    }

    /** A property absent from the desired type. */
    record DropProperty(TypeKind typeKind, String typeName, String propertyName, DropMode mode)
            implements MigrationStep {
        @Override
        public JsonObject toJson() {
            return tag("drop_property").put("type_kind", typeKind.label()).put("type_name", typeName)
                    .put("property_name", propertyName).put("mode", mode.label()).build();
        }
    }

    /**
     * A change the planner cannot carry out; makes the plan unsupported.
     *
     * @param code a schema-lint code ({@code OG-MF-103}, {@code OG-MF-106}) or {@code null}
     */
    record UnsupportedChange(String entity, String reason, String code) implements MigrationStep {
        public UnsupportedChange {
            Objects.requireNonNull(entity, "entity");
            Objects.requireNonNull(reason, "reason");
        }

        /** The operator message: {@code [code] reason}, or the bare reason without a code. */
        public String message() {
            return code == null ? reason : "[" + code + "] " + reason;
        }

        @Override
        public JsonObject toJson() {
            JsonObject.Builder builder = tag("unsupported_change").put("entity", entity).put("reason", reason);
            if (code != null) {
                builder.put("code", code);
            }
            return builder.build();
        }
    }

    private static JsonObject.Builder tag(String kind) {
        return JsonObject.builder().put("kind", kind);
    }

    private static JsonArray annotationArray(List<Annotation> annotations) {
        return new JsonArray(annotations.stream().<JsonValue>map(Annotation::toJson).toList());
    }

    static MigrationStep fromJson(JsonValue json) {
        JsonObject o = json.asObject();
        String kind = o.get("kind").asString();
        try {
            return switch (kind) {
                case "add_type" -> new AddType(typeKind(o), o.get("name").asString());
                case "rename_type" -> new RenameType(typeKind(o), o.get("from").asString(), o.get("to").asString());
                case "add_property" -> new AddProperty(typeKind(o), o.get("type_name").asString(),
                        o.get("property_name").asString(), PropertyType.fromJson(o.get("property_type")));
                case "rename_property" -> new RenameProperty(typeKind(o), o.get("type_name").asString(),
                        o.get("from").asString(), o.get("to").asString());
                case "add_constraint" -> new AddConstraint(typeKind(o), o.get("type_name").asString(),
                        ConstraintShape.fromJson(o.get("constraint")));
                case "extend_enum" -> new ExtendEnum(typeKind(o), o.get("type_name").asString(),
                        o.get("property_name").asString(),
                        o.get("added_values").asArray().elements().stream().map(JsonValue::asString).toList());
                case "update_type_metadata" -> new UpdateTypeMetadata(typeKind(o), o.get("name").asString(),
                        o.get("annotations").asArray().elements().stream().map(Annotation::fromJson).toList());
                case "update_property_metadata" -> new UpdatePropertyMetadata(typeKind(o),
                        o.get("type_name").asString(), o.get("property_name").asString(),
                        o.get("annotations").asArray().elements().stream().map(Annotation::fromJson).toList());
                case "drop_type" -> new DropType(typeKind(o), o.get("name").asString(), mode(o));
                case "drop_property" -> new DropProperty(typeKind(o), o.get("type_name").asString(),
                        o.get("property_name").asString(), mode(o));
                case "unsupported_change" -> new UnsupportedChange(o.get("entity").asString(),
                        o.get("reason").asString(), o.getOrNull("code") == null ? null : o.get("code").asString());
                default -> throw new JsonShapeException("unknown migration step kind '" + kind + "'");
            };
        } catch (IllegalArgumentException invalid) {
            throw new JsonShapeException("invalid " + kind + " step: " + invalid.getMessage());
        }
    }

    private static TypeKind typeKind(JsonObject o) {
        return TypeKind.fromLabel(o.get("type_kind").asString());
    }

    private static DropMode mode(JsonObject o) {
        return DropMode.valueOf(o.get("mode").asString().toUpperCase(java.util.Locale.ROOT));
    }
}
