package dev.omnigraph.domain.schema;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonDigest;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The canonical, identity-free semantics of a schema: what the reference calls {@code SchemaShape}.
 *
 * <p>Canonical means independent of how the source was written: types and properties are sorted
 * by name, constraints and annotations are normalised and sorted, enum values are sorted, and
 * comments, layout and rename hints do not contribute. Two sources with equal shapes are the same
 * schema; {@link #hash()} is the reference's {@code schema_shape_hash} over {@link #toJson()}.
 */
public record SchemaShape(List<InterfaceShape> interfaces, List<NodeShape> nodes, List<EdgeShape> edges) {

    public SchemaShape {
        interfaces = List.copyOf(interfaces);
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    public record InterfaceShape(String name, List<PropertyShape> properties) {
        public InterfaceShape {
            Objects.requireNonNull(name, "name");
            properties = List.copyOf(properties);
        }
    }

    /** A node; {@code renameFrom} is the type's {@code @rename_from} hint (never serialised). */
    public record NodeShape(String name, String renameFrom, List<Annotation> annotations,
                            List<String> implementedInterfaces, List<PropertyShape> properties,
                            List<ConstraintShape> constraints) {
        public NodeShape {
            Objects.requireNonNull(name, "name");
            annotations = List.copyOf(annotations);
            implementedInterfaces = List.copyOf(implementedInterfaces);
            properties = List.copyOf(properties);
            constraints = List.copyOf(constraints);
        }
    }

    /** An edge; {@code renameFrom} is the type's {@code @rename_from} hint (never serialised). */
    public record EdgeShape(String name, String renameFrom, String fromType, String toType, Cardinality cardinality,
                            List<Annotation> annotations, List<PropertyShape> properties,
                            List<ConstraintShape> constraints) {
        public EdgeShape {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(fromType, "fromType");
            Objects.requireNonNull(toType, "toType");
            Objects.requireNonNull(cardinality, "cardinality");
            annotations = List.copyOf(annotations);
            properties = List.copyOf(properties);
            constraints = List.copyOf(constraints);
        }
    }

    public Optional<NodeShape> node(String name) {
        return nodes.stream().filter(node -> node.name().equals(name)).findFirst();
    }

    public Optional<EdgeShape> edge(String name) {
        return edges.stream().filter(edge -> edge.name().equals(name)).findFirst();
    }

    public Optional<InterfaceShape> interfaceNamed(String name) {
        return interfaces.stream().filter(iface -> iface.name().equals(name)).findFirst();
    }

    /** The reference's {@code schema_shape_json} tree (compact form is what {@link #hash()} digests). */
    public JsonObject toJson() {
        return JsonObject.builder()
                .put("interfaces", array(interfaces, iface -> JsonObject.builder()
                        .put("name", iface.name())
                        .put("properties", array(iface.properties(), PropertyShape::toJson))
                        .build()))
                .put("nodes", array(nodes, node -> JsonObject.builder()
                        .put("name", node.name())
                        .put("annotations", array(node.annotations(), Annotation::toJson))
                        .put("implements", JsonArray.ofStrings(node.implementedInterfaces()))
                        .put("properties", array(node.properties(), PropertyShape::toJson))
                        .put("constraints", array(node.constraints(), ConstraintShape::toJson))
                        .build()))
                .put("edges", array(edges, edge -> JsonObject.builder()
                        .put("name", edge.name())
                        .put("from_type", edge.fromType())
                        .put("to_type", edge.toType())
                        .put("cardinality", edge.cardinality().toJson())
                        .put("annotations", array(edge.annotations(), Annotation::toJson))
                        .put("properties", array(edge.properties(), PropertyShape::toJson))
                        .put("constraints", array(edge.constraints(), ConstraintShape::toJson))
                        .build()))
                .build();
    }

    /** The reference's {@code schema_shape_hash}: {@code sha256:<hex>} of the compact JSON. */
    public String hash() {
        return JsonDigest.sha256(toJson());
    }

    private static <T> JsonArray array(List<T> items, Function<T, JsonValue> encoder) {
        return new JsonArray(items.stream().map(encoder).toList());
    }
}
