package dev.omnigraph.domain.schema.ir;

import dev.omnigraph.domain.json.JsonDigest;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;

import java.util.Comparator;

/** A reference to a property by owner and property identity (names for diagnostics). */
public record PropertyRef(long ownerTypeId, String ownerTypeName, long propertyId, String propertyName)
        implements Comparable<PropertyRef> {

    private static final Comparator<PropertyRef> ORDER = Comparator.comparingLong(PropertyRef::ownerTypeId)
            .thenComparing(PropertyRef::ownerTypeName, JsonDigest.CODE_POINT_ORDER)
            .thenComparingLong(PropertyRef::propertyId)
            .thenComparing(PropertyRef::propertyName, JsonDigest.CODE_POINT_ORDER);

    @Override
    public int compareTo(PropertyRef other) {
        return ORDER.compare(this, other);
    }

    /** Members in the reference's order (also embedded, after {@code kind}, in property field refs). */
    void writeMembers(JsonObject.Builder builder) {
        builder.put("owner_type_id", ownerTypeId)
                .put("owner_type_name", ownerTypeName)
                .put("property_id", propertyId)
                .put("property_name", propertyName);
    }

    public JsonObject toJson() {
        JsonObject.Builder builder = JsonObject.builder();
        writeMembers(builder);
        return builder.build();
    }

    static PropertyRef fromJson(JsonValue json) {
        JsonObject object = json.asObject();
        return new PropertyRef(IrJson.id(object, "owner_type_id"), object.get("owner_type_name").asString(),
                IrJson.id(object, "property_id"), object.get("property_name").asString());
    }
}
