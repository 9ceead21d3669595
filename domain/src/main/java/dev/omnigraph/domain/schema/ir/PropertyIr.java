package dev.omnigraph.domain.schema.ir;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonNull;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonShapeException;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.schema.Annotation;
import dev.omnigraph.domain.schema.PropertyConstraintKind;
import dev.omnigraph.domain.schema.PropertyShape;
import dev.omnigraph.domain.schema.PropertyType;
import dev.omnigraph.domain.schema.ShapePropertyRef;

import java.util.List;
import java.util.Objects;

/** A property with its stable id; the other fields mean what they mean in {@link PropertyShape}. */
public record PropertyIr(String name, long propertyId, PropertyType type, List<Annotation> annotations,
                         List<PropertyConstraintKind> propertyConstraints, EmbedSourceIr embedSource,
                         boolean declaredDirectly, List<PropertyRef> satisfiesInterfaceProperties) {

    public PropertyIr {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        annotations = List.copyOf(annotations);
        propertyConstraints = List.copyOf(propertyConstraints);
        satisfiesInterfaceProperties = List.copyOf(satisfiesInterfaceProperties);
    }

    /** {@code @embed} bound to the source property's identity. */
    public record EmbedSourceIr(PropertyRef source, String model) {
        public EmbedSourceIr {
            Objects.requireNonNull(source, "source");
        }

        public JsonObject toJson() {
            return JsonObject.builder().put("source", source.toJson()).put("model", model).build();
        }
    }

    public JsonObject toJson() {
        return JsonObject.builder()
                .put("name", name)
                .put("property_id", propertyId)
                .put("prop_type", type.toJson())
                .put("annotations", IrJson.array(annotations, Annotation::toJson))
                .put("property_constraints",
                        JsonArray.ofStrings(propertyConstraints.stream().map(PropertyConstraintKind::label).toList()))
                .put("embed_source", embedSource == null ? JsonNull.INSTANCE : embedSource.toJson())
                .put("declared_directly", declaredDirectly)
                .put("satisfies_interface_properties", IrJson.array(satisfiesInterfaceProperties, PropertyRef::toJson))
                .build();
    }

    static PropertyIr fromJson(JsonValue json) {
        JsonObject object = json.asObject();
        JsonValue embed = object.getOrNull("embed_source");
        EmbedSourceIr embedSource = null;
        if (embed != null) {
            JsonValue model = embed.asObject().getOrNull("model");
            embedSource = new EmbedSourceIr(PropertyRef.fromJson(embed.asObject().get("source")),
                    model == null ? null : model.asString());
        }
        List<PropertyConstraintKind> kinds;
        try {
            kinds = IrJson.list(object, "property_constraints", v -> PropertyConstraintKind.fromLabel(v.asString()));
        } catch (IllegalArgumentException unknown) {
            throw new JsonShapeException(unknown.getMessage());
        }
        return new PropertyIr(object.get("name").asString(), IrJson.id(object, "property_id"),
                PropertyType.fromJson(object.get("prop_type")), IrJson.list(object, "annotations", Annotation::fromJson),
                kinds, embedSource, object.get("declared_directly").asBoolean(),
                IrJson.list(object, "satisfies_interface_properties", PropertyRef::fromJson));
    }

    /** The identity-free projection (the reference's {@code property_shape_from_ir}). */
    public PropertyShape toShape() {
        List<ShapePropertyRef> satisfies = satisfiesInterfaceProperties.stream()
                .map(ref -> new ShapePropertyRef(ref.ownerTypeName(), ref.propertyName()))
                .distinct().sorted().toList();
        return new PropertyShape(name, null, type, annotations, propertyConstraints,
                embedSource == null ? null
                        : new PropertyShape.EmbedSource(embedSource.source().propertyName(), embedSource.model()),
                declaredDirectly, satisfies);
    }
}
