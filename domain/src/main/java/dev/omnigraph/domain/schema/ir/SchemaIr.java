package dev.omnigraph.domain.schema.ir;

import dev.omnigraph.domain.json.JsonDigest;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.json.JsonWriter;
import dev.omnigraph.domain.schema.Annotation;
import dev.omnigraph.domain.schema.Cardinality;
import dev.omnigraph.domain.schema.SchemaShape;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The accepted identity-bearing schema ({@code _schema.ir.json}, version {@value #IR_VERSION}).
 *
 * <p>Lists are canonical: types and properties sorted by name, constraints in canonical order,
 * type references ({@code implements}) and satisfaction links in identity order. Instances are
 * plain values; {@link SchemaIrValidator#validate} decides whether one is acceptable authority,
 * and {@link #fromJson} always runs it.
 *
 * @param nextIdentityId the next value the shared allocator hands out; every id in the IR is below it
 */
public record SchemaIr(int irVersion, SchemaIdentityDomain schemaIdentityDomain, long nextIdentityId,
                       List<InterfaceIr> interfaces, List<NodeIr> nodes, List<EdgeIr> edges) {

    public static final int IR_VERSION = 2;

    public SchemaIr {
        Objects.requireNonNull(schemaIdentityDomain, "schemaIdentityDomain");
        interfaces = List.copyOf(interfaces);
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    public record InterfaceIr(String name, long typeId, List<PropertyIr> properties) {
        public InterfaceIr {
            Objects.requireNonNull(name, "name");
            properties = List.copyOf(properties);
        }
    }

    public record NodeIr(String name, long typeId, long tableIncarnationId, List<Annotation> annotations,
                         List<TypeRef> implementedInterfaces, List<PropertyIr> properties,
                         List<ConstraintIr> constraints) {
        public NodeIr {
            Objects.requireNonNull(name, "name");
            annotations = List.copyOf(annotations);
            implementedInterfaces = List.copyOf(implementedInterfaces);
            properties = List.copyOf(properties);
            constraints = List.copyOf(constraints);
        }

        /**
         * The key's property names in stable-property-id order (the runtime tuple order of
         * composite keys, independent of renames), or empty when the node is unkeyed.
         */
        public Optional<List<String>> keyPropertiesInIdentityOrder() {
            return constraints.stream().filter(ConstraintIr.Key.class::isInstance).findFirst()
                    .map(key -> key.fields().stream()
                            .filter(FieldRef.PropertyField.class::isInstance)
                            .map(field -> ((FieldRef.PropertyField) field).property())
                            .sorted((a, b) -> Long.compare(a.propertyId(), b.propertyId()))
                            .map(PropertyRef::propertyName).toList());
        }
    }

    public record EdgeIr(String name, long typeId, long tableIncarnationId, TypeRef fromType, TypeRef toType,
                         Cardinality cardinality, List<Annotation> annotations, List<PropertyIr> properties,
                         List<ConstraintIr> constraints) {
        public EdgeIr {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(fromType, "fromType");
            Objects.requireNonNull(toType, "toType");
            Objects.requireNonNull(cardinality, "cardinality");
            annotations = List.copyOf(annotations);
            properties = List.copyOf(properties);
            constraints = List.copyOf(constraints);
        }
    }

    public Optional<NodeIr> node(String name) {
        return nodes.stream().filter(node -> node.name().equals(name)).findFirst();
    }

    public Optional<EdgeIr> edge(String name) {
        return edges.stream().filter(edge -> edge.name().equals(name)).findFirst();
    }

    public Optional<InterfaceIr> interfaceNamed(String name) {
        return interfaces.stream().filter(iface -> iface.name().equals(name)).findFirst();
    }

    /** The reference's JSON tree, field for field. */
    public JsonObject toJson() {
        return JsonObject.builder()
                .put("ir_version", irVersion)
                .put("schema_identity_domain", schemaIdentityDomain.value())
                .put("next_identity_id", nextIdentityId)
                .put("interfaces", IrJson.array(interfaces, iface -> JsonObject.builder()
                        .put("name", iface.name())
                        .put("type_id", iface.typeId())
                        .put("properties", IrJson.array(iface.properties(), PropertyIr::toJson))
                        .build()))
                .put("nodes", IrJson.array(nodes, node -> JsonObject.builder()
                        .put("name", node.name())
                        .put("type_id", node.typeId())
                        .put("table_incarnation_id", node.tableIncarnationId())
                        .put("annotations", IrJson.array(node.annotations(), Annotation::toJson))
                        .put("implements", IrJson.array(node.implementedInterfaces(), TypeRef::toJson))
                        .put("properties", IrJson.array(node.properties(), PropertyIr::toJson))
                        .put("constraints", IrJson.array(node.constraints(), ConstraintIr::toJson))
                        .build()))
                .put("edges", IrJson.array(edges, edge -> JsonObject.builder()
                        .put("name", edge.name())
                        .put("type_id", edge.typeId())
                        .put("table_incarnation_id", edge.tableIncarnationId())
                        .put("from_type", edge.fromType().toJson())
                        .put("to_type", edge.toType().toJson())
                        .put("cardinality", edge.cardinality().toJson())
                        .put("annotations", IrJson.array(edge.annotations(), Annotation::toJson))
                        .put("properties", IrJson.array(edge.properties(), PropertyIr::toJson))
                        .put("constraints", IrJson.array(edge.constraints(), ConstraintIr::toJson))
                        .build()))
                .build();
    }

    /** The {@code _schema.ir.json} file content (pretty, like the reference writes it). */
    public String toPrettyJson() {
        return JsonWriter.pretty(toJson());
    }

    /** The reference's {@code schema_ir_hash}: {@code sha256:<hex>} of the compact JSON. */
    public String hash() {
        return JsonDigest.sha256(toJson());
    }

    /** Decodes and validates persisted IR; malformed shape or identity fails closed. */
    public static SchemaIr fromJson(JsonValue json) {
        JsonObject object = json.asObject();
        long version = object.get("ir_version").asNumber().longValueExact();
        if (version != IR_VERSION) {
            throw new SchemaIdentityException(IdentityCodes.INVALID_IR,
                    "invalid accepted SchemaIR: unsupported ir_version " + version + " (expected " + IR_VERSION + ")");
        }
        SchemaIr ir = new SchemaIr((int) version,
                SchemaIdentityDomain.parse(object.get("schema_identity_domain").asString()),
                object.get("next_identity_id").asNumber().longValueExact(),
                IrJson.list(object, "interfaces", value -> {
                    JsonObject iface = value.asObject();
                    return new InterfaceIr(iface.get("name").asString(), IrJson.id(iface, "type_id"),
                            IrJson.list(iface, "properties", PropertyIr::fromJson));
                }),
                IrJson.list(object, "nodes", value -> {
                    JsonObject node = value.asObject();
                    return new NodeIr(node.get("name").asString(), IrJson.id(node, "type_id"),
                            IrJson.id(node, "table_incarnation_id"),
                            IrJson.list(node, "annotations", Annotation::fromJson),
                            IrJson.list(node, "implements", TypeRef::fromJson),
                            IrJson.list(node, "properties", PropertyIr::fromJson),
                            IrJson.list(node, "constraints", ConstraintIr::fromJson));
                }),
                IrJson.list(object, "edges", value -> {
                    JsonObject edge = value.asObject();
                    return new EdgeIr(edge.get("name").asString(), IrJson.id(edge, "type_id"),
                            IrJson.id(edge, "table_incarnation_id"), TypeRef.fromJson(edge.get("from_type")),
                            TypeRef.fromJson(edge.get("to_type")), Cardinality.fromJson(edge.get("cardinality")),
                            IrJson.list(edge, "annotations", Annotation::fromJson),
                            IrJson.list(edge, "properties", PropertyIr::fromJson),
                            IrJson.list(edge, "constraints", ConstraintIr::fromJson));
                }));
        SchemaIrValidator.validate(ir);
        return ir;
    }

    /**
     * Projects the accepted identity back to canonical source semantics (the reference's
     * {@code schema_shape_from_ir}); never allocates or reconstructs identity from names.
     */
    public SchemaShape toShape() {
        SchemaIrValidator.validate(this);
        return new SchemaShape(
                interfaces.stream().map(iface -> new SchemaShape.InterfaceShape(iface.name(),
                        iface.properties().stream().map(PropertyIr::toShape).toList())).toList(),
                nodes.stream().map(node -> {
                    TreeSet<String> implemented = new TreeSet<>(JsonDigest.CODE_POINT_ORDER);
                    node.implementedInterfaces().forEach(ref -> implemented.add(ref.typeName()));
                    return new SchemaShape.NodeShape(node.name(), null, node.annotations(), List.copyOf(implemented),
                            node.properties().stream().map(PropertyIr::toShape).toList(),
                            node.constraints().stream().map(ConstraintIr::toShape).toList());
                }).toList(),
                edges.stream().map(edge -> new SchemaShape.EdgeShape(edge.name(), null, edge.fromType().typeName(),
                        edge.toType().typeName(), edge.cardinality(), edge.annotations(),
                        edge.properties().stream().map(PropertyIr::toShape).toList(),
                        edge.constraints().stream().map(ConstraintIr::toShape).toList())).toList());
    }

    /** The reference's {@code schema_shape_hash_from_ir}. */
    public String shapeHash() {
        return toShape().hash();
    }
}
