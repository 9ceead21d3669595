package dev.omnigraph.domain.schema.ir;

import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonShapeException;
import dev.omnigraph.domain.json.JsonValue;

import java.util.Locale;

/**
 * A constraint's field by identity: a declared property, or one of the storage system columns
 * ({@code id} on nodes and edges, {@code src}/{@code dst} on edges). JSON is tagged by {@code kind}.
 */
public sealed interface FieldRef {

    /** The field's current name ({@code id}/{@code src}/{@code dst} for system fields). */
    String name();

    /** The planner's identity key: {@code property:<owner>:<id>} / {@code system:<table>:<incarnation>:<role>}. */
    String identityKey();

    JsonObject toJson();

    record PropertyField(PropertyRef property) implements FieldRef {
        @Override
        public String name() {
            return property.propertyName();
        }

        @Override
        public String identityKey() {
            return "property:" + property.ownerTypeId() + ":" + property.propertyId();
        }

        @Override
        public JsonObject toJson() {
            JsonObject.Builder builder = JsonObject.builder().put("kind", "property");
            property.writeMembers(builder);
            return builder.build();
        }
    }

    /** The system columns a constraint may name. */
    enum SystemRole {
        ID,
        SRC,
        DST;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    record SystemField(long stableTableId, String tableTypeName, long tableIncarnationId, SystemRole role)
            implements FieldRef {
        @Override
        public String name() {
            return role.label();
        }

        @Override
        public String identityKey() {
            return "system:" + stableTableId + ":" + tableIncarnationId + ":" + role.label();
        }

        @Override
        public JsonObject toJson() {
            return JsonObject.builder()
                    .put("kind", "system")
                    .put("stable_table_id", stableTableId)
                    .put("table_type_name", tableTypeName)
                    .put("table_incarnation_id", tableIncarnationId)
                    .put("role", role.label())
                    .build();
        }
    }

    static FieldRef fromJson(JsonValue json) {
        JsonObject object = json.asObject();
        String kind = object.get("kind").asString();
        if (kind.equals("property")) {
            return new PropertyField(PropertyRef.fromJson(object));
        }
        if (kind.equals("system")) {
            String role = object.get("role").asString();
            SystemRole parsed = switch (role) {
                case "id" -> SystemRole.ID;
                case "src" -> SystemRole.SRC;
                case "dst" -> SystemRole.DST;
                default -> throw new JsonShapeException("unknown system field role '" + role + "'");
            };
            return new SystemField(IrJson.id(object, "stable_table_id"), object.get("table_type_name").asString(),
                    IrJson.id(object, "table_incarnation_id"), parsed);
        }
        throw new JsonShapeException("unknown field reference kind '" + kind + "'");
    }
}
