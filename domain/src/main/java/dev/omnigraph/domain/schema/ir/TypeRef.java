package dev.omnigraph.domain.schema.ir;

import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;

import java.util.Comparator;

/** A reference to a type by identity, with its current name for diagnostics. Ordered by id, then name. */
public record TypeRef(long typeId, String typeName) implements Comparable<TypeRef> {

    private static final Comparator<TypeRef> ORDER = Comparator.comparingLong(TypeRef::typeId)
            .thenComparing(TypeRef::typeName, dev.omnigraph.domain.json.JsonDigest.CODE_POINT_ORDER);

    @Override
    public int compareTo(TypeRef other) {
        return ORDER.compare(this, other);
    }

    public JsonObject toJson() {
        return JsonObject.builder().put("type_id", typeId).put("type_name", typeName).build();
    }

    static TypeRef fromJson(JsonValue json) {
        JsonObject object = json.asObject();
        return new TypeRef(IrJson.id(object, "type_id"), object.get("type_name").asString());
    }
}
