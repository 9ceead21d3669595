package dev.omnigraph.domain.schema.ir;

import dev.omnigraph.domain.json.JsonDigest;
import dev.omnigraph.domain.json.JsonWriter;
import dev.omnigraph.domain.schema.Annotation;
import dev.omnigraph.domain.schema.PropertyConstraintKind;
import dev.omnigraph.domain.schema.SchemaValidator;
import dev.omnigraph.domain.schema.TypeKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fails closed on malformed or hand-authored identity authority, with the reference's rules: one
 * IR version, a valid domain, globally unique non-zero ids all below {@code next_identity_id},
 * canonical ordering everywhere, no typed annotations among the opaque ones, consistent
 * provenance and satisfaction links, and every reference resolving to the id and name it claims.
 */
public final class SchemaIrValidator {

    private SchemaIrValidator() {
    }

    private record Owner(TypeKind kind, String name, long typeId, Long incarnation, List<PropertyIr> properties) {
    }

    private record OwnedProperty(Owner owner, PropertyIr property) {
    }

    public static void validate(SchemaIr ir) {
        if (ir.irVersion() != SchemaIr.IR_VERSION) {
            fail("unsupported ir_version " + ir.irVersion() + " (expected " + SchemaIr.IR_VERSION + ")");
        }
        if (ir.nextIdentityId() <= 0) {
            fail("next_identity_id must be nonzero");
        }
        List<Owner> owners = owners(ir);
        Map<Long, String> ids = new HashMap<>();
        long maxId = 0;
        Map<Long, Owner> ownerById = new HashMap<>();
        Set<String> typeNames = new HashSet<>();
        for (Owner owner : owners) {
            claim(ids, owner.typeId(), owner.kind().label() + " type '" + owner.name() + "'");
            maxId = Math.max(maxId, owner.typeId());
            if (!typeNames.add(owner.kind() + ":" + owner.name())) {
                fail("duplicate " + owner.kind().label() + " name '" + owner.name() + "'");
            }
            ownerById.put(owner.typeId(), owner);
            if (owner.incarnation() != null) {
                claim(ids, owner.incarnation(), "table incarnation for '" + owner.name() + "'");
                maxId = Math.max(maxId, owner.incarnation());
            }
            Set<String> propertyNames = new HashSet<>();
            for (PropertyIr property : owner.properties()) {
                String entity = owner.name() + "." + property.name();
                if (SchemaValidator.RESERVED_PROPERTY_NAMES.contains(property.name())) {
                    fail("property '" + entity + "' uses a name reserved for a virtual storage system column; a graph "
                            + "created with a pre-RC Lance binary must be exported with that binary, renamed, and rebuilt");
                }
                if (!propertyNames.add(property.name())) {
                    fail("duplicate property '" + entity + "'");
                }
                claim(ids, property.propertyId(), "property '" + entity + "'");
                maxId = Math.max(maxId, property.propertyId());
                checkAnnotations(property.annotations(), entity);
                if (property.type().isEnum()) {
                    ensureSortedUnique(property.type().enumValues(), "enum values");
                }
                List<PropertyConstraintKind> kinds = property.propertyConstraints();
                for (int i = 1; i < kinds.size(); i++) {
                    if (kinds.get(i - 1).compareTo(kinds.get(i)) >= 0) {
                        fail("property constraints for '" + entity + "' are not sorted and unique");
                    }
                }
            }
        }
        if (ir.nextIdentityId() <= maxId) {
            fail("next_identity_id " + ir.nextIdentityId() + " does not exceed allocated id " + maxId);
        }
        ensureSortedUnique(ir.interfaces().stream().map(SchemaIr.InterfaceIr::name).toList(), "interfaces");
        ensureSortedUnique(ir.nodes().stream().map(SchemaIr.NodeIr::name).toList(), "nodes");
        ensureSortedUnique(ir.edges().stream().map(SchemaIr.EdgeIr::name).toList(), "edges");

        Map<Long, OwnedProperty> propertyById = new HashMap<>();
        for (Owner owner : owners) {
            for (PropertyIr property : owner.properties()) {
                propertyById.put(property.propertyId(), new OwnedProperty(owner, property));
            }
        }
        for (Owner owner : owners) {
            ensureSortedUnique(owner.properties().stream().map(PropertyIr::name).toList(),
                    "properties of '" + owner.name() + "'");
            for (PropertyIr property : owner.properties()) {
                String entity = owner.name() + "." + property.name();
                boolean linked = !property.satisfiesInterfaceProperties().isEmpty();
                if (owner.kind() == TypeKind.INTERFACE && (!property.declaredDirectly() || linked)) {
                    fail("interface property '" + entity + "' has invalid concrete provenance");
                }
                if (owner.kind() == TypeKind.NODE && !property.declaredDirectly() && !linked) {
                    fail("injected node property '" + entity + "' has no interface provenance");
                }
                if (property.embedSource() != null) {
                    checkPropertyRef(property.embedSource().source(), owner.typeId(), ownerById, propertyById);
                }
                PropertyRef previous = null;
                for (PropertyRef reference : property.satisfiesInterfaceProperties()) {
                    checkPropertyRef(reference, null, ownerById, propertyById);
                    if (ownerById.get(reference.ownerTypeId()).kind() != TypeKind.INTERFACE) {
                        fail("property '" + entity + "' satisfaction target is not an interface property");
                    }
                    if (previous != null && previous.compareTo(reference) >= 0) {
                        fail("interface satisfaction links for '" + entity + "' are not sorted and unique");
                    }
                    previous = reference;
                }
            }
        }
        for (SchemaIr.NodeIr node : ir.nodes()) {
            checkAnnotations(node.annotations(), node.name());
            checkTypeRefs(node.implementedInterfaces(), TypeKind.INTERFACE, ownerById);
            Set<Long> implemented = new HashSet<>();
            node.implementedInterfaces().forEach(ref -> implemented.add(ref.typeId()));
            for (PropertyIr property : node.properties()) {
                for (PropertyRef reference : property.satisfiesInterfaceProperties()) {
                    if (!implemented.contains(reference.ownerTypeId())) {
                        fail("node property '" + node.name() + "." + property.name()
                                + "' satisfies an interface the node does not implement");
                    }
                    PropertyIr contract = propertyById.get(reference.propertyId()).property();
                    if (!contract.type().equals(property.type())) {
                        fail("node property '" + node.name() + "." + property.name()
                                + "' is incompatible with satisfied interface property '" + reference.ownerTypeName()
                                + "." + reference.propertyName() + "'");
                    }
                }
            }
            for (Long interfaceId : implemented) {
                Owner iface = ownerById.get(interfaceId);
                for (PropertyIr contract : iface.properties()) {
                    boolean satisfied = node.properties().stream().anyMatch(p -> p.satisfiesInterfaceProperties()
                            .stream().anyMatch(r -> r.ownerTypeId() == interfaceId
                                    && r.propertyId() == contract.propertyId()));
                    if (!satisfied) {
                        fail("node '" + node.name() + "' does not link an effective property to interface contract '"
                                + iface.name() + "." + contract.name() + "'");
                    }
                }
            }
            checkConstraintOrder(node.constraints(), node.name());
            checkConstraints(TypeKind.NODE, node.typeId(), node.tableIncarnationId(), node.constraints(), ownerById,
                    propertyById);
        }
        for (SchemaIr.EdgeIr edge : ir.edges()) {
            checkAnnotations(edge.annotations(), edge.name());
            for (PropertyIr property : edge.properties()) {
                if (!property.declaredDirectly() || !property.satisfiesInterfaceProperties().isEmpty()
                        || property.embedSource() != null) {
                    fail("edge property '" + edge.name() + "." + property.name() + "' has invalid interface provenance");
                }
            }
            checkTypeRef(edge.fromType(), TypeKind.NODE, ownerById);
            checkTypeRef(edge.toType(), TypeKind.NODE, ownerById);
            checkConstraintOrder(edge.constraints(), edge.name());
            checkConstraints(TypeKind.EDGE, edge.typeId(), edge.tableIncarnationId(), edge.constraints(), ownerById,
                    propertyById);
        }
    }

    private static List<Owner> owners(SchemaIr ir) {
        List<Owner> owners = new ArrayList<>();
        ir.interfaces().forEach(t -> owners.add(new Owner(TypeKind.INTERFACE, t.name(), t.typeId(), null, t.properties())));
        ir.nodes().forEach(t -> owners.add(new Owner(TypeKind.NODE, t.name(), t.typeId(), t.tableIncarnationId(),
                t.properties())));
        ir.edges().forEach(t -> owners.add(new Owner(TypeKind.EDGE, t.name(), t.typeId(), t.tableIncarnationId(),
                t.properties())));
        return owners;
    }

    private static void claim(Map<Long, String> ids, long id, String entity) {
        if (id <= 0) {
            fail("schema identity id for " + entity + " must be nonzero (got " + id + ")");
        }
        String previous = ids.putIfAbsent(id, entity);
        if (previous != null) {
            fail("identity value " + id + " is reused by '" + previous + "' and '" + entity + "'");
        }
    }

    private static void checkAnnotations(List<Annotation> annotations, String entity) {
        List<String> keys = new ArrayList<>();
        for (Annotation annotation : annotations) {
            if (Set.of("rename_from", "embed", "key", "unique", "index").contains(annotation.name())) {
                fail("typed annotation @" + annotation.name() + " leaked into opaque annotations for '" + entity + "'");
            }
            keys.add(JsonWriter.compact(annotation.toJson()));
        }
        for (int i = 1; i < keys.size(); i++) {
            if (JsonDigest.CODE_POINT_ORDER.compare(keys.get(i - 1), keys.get(i)) >= 0) {
                fail("annotations for '" + entity + "' are not sorted and unique");
            }
        }
    }

    private static void checkConstraintOrder(List<ConstraintIr> constraints, String entity) {
        List<String> keys = constraints.stream().map(c -> c.toShape().sortKey()).toList();
        for (int i = 1; i < keys.size(); i++) {
            if (JsonDigest.CODE_POINT_ORDER.compare(keys.get(i - 1), keys.get(i)) >= 0) {
                fail("constraints for '" + entity + "' are not sorted and unique");
            }
        }
    }

    private static void checkTypeRefs(List<TypeRef> references, TypeKind expected, Map<Long, Owner> owners) {
        TypeRef previous = null;
        for (TypeRef reference : references) {
            checkTypeRef(reference, expected, owners);
            if (previous != null && previous.compareTo(reference) >= 0) {
                fail("type references are not sorted and unique");
            }
            previous = reference;
        }
    }

    private static void checkTypeRef(TypeRef reference, TypeKind expected, Map<Long, Owner> owners) {
        Owner target = owners.get(reference.typeId());
        if (target == null) {
            fail("type reference " + reference.typeId() + " points to a missing ID");
        }
        if (target.kind() != expected || !target.name().equals(reference.typeName())) {
            fail("type reference name/id mismatch for '" + reference.typeName() + "'");
        }
    }

    private static void checkPropertyRef(PropertyRef reference, Long expectedOwner, Map<Long, Owner> owners,
                                         Map<Long, OwnedProperty> properties) {
        OwnedProperty target = properties.get(reference.propertyId());
        if (target == null) {
            fail("property reference " + reference.propertyId() + " points to a missing ID");
        }
        if ((expectedOwner != null && expectedOwner != reference.ownerTypeId())
                || target.owner().typeId() != reference.ownerTypeId()
                || !target.owner().name().equals(reference.ownerTypeName())
                || !target.property().name().equals(reference.propertyName())
                || !owners.containsKey(reference.ownerTypeId())) {
            fail("property reference name/id/owner mismatch for '" + reference.ownerTypeName() + "."
                    + reference.propertyName() + "'");
        }
    }

    private static void checkConstraints(TypeKind kind, long ownerId, long incarnation, List<ConstraintIr> constraints,
                                         Map<Long, Owner> owners, Map<Long, OwnedProperty> properties) {
        for (ConstraintIr constraint : constraints) {
            for (FieldRef field : constraint.fields()) {
                if (field instanceof FieldRef.PropertyField property) {
                    checkPropertyRef(property.property(), ownerId, owners, properties);
                } else {
                    FieldRef.SystemField system = (FieldRef.SystemField) field;
                    if (system.stableTableId() != ownerId || system.tableIncarnationId() != incarnation
                            || !owners.get(ownerId).name().equals(system.tableTypeName())
                            || (kind == TypeKind.NODE && system.role() != FieldRef.SystemRole.ID)) {
                        fail("invalid system-field reference");
                    }
                }
            }
        }
    }

    private static void ensureSortedUnique(List<String> values, String entity) {
        for (int i = 1; i < values.size(); i++) {
            if (JsonDigest.CODE_POINT_ORDER.compare(values.get(i - 1), values.get(i)) >= 0) {
                fail(entity + " are not sorted and unique");
            }
        }
    }

    private static void fail(String message) {
        throw new SchemaIdentityException(IdentityCodes.INVALID_IR, "invalid accepted SchemaIR: " + message);
    }
}
