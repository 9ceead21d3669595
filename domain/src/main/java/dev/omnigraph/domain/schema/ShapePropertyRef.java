package dev.omnigraph.domain.schema;

import dev.omnigraph.domain.json.JsonDigest;
import dev.omnigraph.domain.json.JsonObject;

import java.util.Comparator;

/** A property of an interface, by names: what an injected or re-declared node property satisfies. */
public record ShapePropertyRef(String ownerName, String propertyName) implements Comparable<ShapePropertyRef> {

    private static final Comparator<ShapePropertyRef> ORDER = Comparator
            .comparing(ShapePropertyRef::ownerName, JsonDigest.CODE_POINT_ORDER)
            .thenComparing(ShapePropertyRef::propertyName, JsonDigest.CODE_POINT_ORDER);

    @Override
    public int compareTo(ShapePropertyRef other) {
        return ORDER.compare(this, other);
    }

    public JsonObject toJson() {
        return JsonObject.builder().put("owner_name", ownerName).put("property_name", propertyName).build();
    }
}
