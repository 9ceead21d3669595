package dev.omnigraph.domain.schema;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonNull;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;

import java.util.List;
import java.util.Objects;

/**
 * A property's identity-free semantics.
 *
 * @param renameFrom           the {@code @rename_from} hint; used by identity resolution, never serialised
 * @param annotations          opaque annotations (everything but rename_from/embed/key/unique/index), canonically ordered
 * @param propertyConstraints  property-level key/unique/index, sorted and unique
 * @param embedSource          the {@code @embed} binding, or {@code null}
 * @param declaredDirectly     written in the type's own body (always true for interface and edge properties)
 * @param satisfiesInterfaceProperties interface properties this node property satisfies, sorted
 */
public record PropertyShape(String name, String renameFrom, PropertyType type, List<Annotation> annotations,
                            List<PropertyConstraintKind> propertyConstraints, EmbedSource embedSource,
                            boolean declaredDirectly, List<ShapePropertyRef> satisfiesInterfaceProperties) {

    public PropertyShape {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        annotations = List.copyOf(annotations);
        propertyConstraints = List.copyOf(propertyConstraints);
        satisfiesInterfaceProperties = List.copyOf(satisfiesInterfaceProperties);
    }

    /** {@code @embed("source", model="…")}: the String property a vector is computed from. */
    public record EmbedSource(String propertyName, String model) {
        public EmbedSource {
            Objects.requireNonNull(propertyName, "propertyName");
        }
    }

    public PropertyShape withSatisfies(List<ShapePropertyRef> satisfies) {
        return new PropertyShape(name, renameFrom, type, annotations, propertyConstraints, embedSource,
                declaredDirectly, satisfies);
    }

    /** The reference's JSON (field order is part of the digest); the rename hint is deliberately absent. */
    public JsonObject toJson() {
        JsonValue embed = embedSource == null ? JsonNull.INSTANCE : JsonObject.builder()
                .put("property_name", embedSource.propertyName())
                .put("model", embedSource.model())
                .build();
        return JsonObject.builder()
                .put("name", name)
                .put("prop_type", type.toJson())
                .put("annotations", new JsonArray(annotations.stream().<JsonValue>map(Annotation::toJson).toList()))
                .put("property_constraints", JsonArray.ofStrings(
                        propertyConstraints.stream().map(PropertyConstraintKind::label).toList()))
                .put("embed_source", embed)
                .put("declared_directly", declaredDirectly)
                .put("satisfies_interface_properties", new JsonArray(
                        satisfiesInterfaceProperties.stream().<JsonValue>map(ShapePropertyRef::toJson).toList()))
                .build();
    }
}
