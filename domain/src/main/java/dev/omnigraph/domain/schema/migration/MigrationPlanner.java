package dev.omnigraph.domain.schema.migration;

import dev.omnigraph.domain.schema.Annotation;
import dev.omnigraph.domain.schema.ConstraintShape;
import dev.omnigraph.domain.schema.PropertyConstraintKind;
import dev.omnigraph.domain.schema.PropertyType;
import dev.omnigraph.domain.schema.TypeKind;
import dev.omnigraph.domain.schema.ValidatedSchema;
import dev.omnigraph.domain.schema.ir.ConstraintIr;
import dev.omnigraph.domain.schema.ir.IdentityCodes;
import dev.omnigraph.domain.schema.ir.PropertyIr;
import dev.omnigraph.domain.schema.ir.PropertyRef;
import dev.omnigraph.domain.schema.ir.SchemaIdentityException;
import dev.omnigraph.domain.schema.ir.SchemaIdentityResolver;
import dev.omnigraph.domain.schema.ir.SchemaIr;
import dev.omnigraph.domain.schema.ir.SchemaIrValidator;
import dev.omnigraph.domain.schema.ir.TypeRef;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Plans the evolution from an accepted IR to a desired IR, comparing by identity (ids), never by
 * name: the reference's v1 planner, step for step and in the same order (interfaces, then nodes,
 * then edges; per type: rename, structural checks, metadata, properties, constraints; drops of
 * leftovers last). Drops are always planned {@link DropMode#SOFT}; {@link MigrationPlan#withHardDrops()}
 * promotes them.
 */
public final class MigrationPlanner {

    private static final Set<String> METADATA = Set.of("description", "instruction");
    private static final Set<String> IGNORED_IN_COMPARE = Set.of("description", "instruction", "rename_from", "key",
            "unique", "index");

    private final List<MigrationStep> steps = new ArrayList<>();

    private MigrationPlanner() {
    }

    /** Resolves {@code desired} against {@code accepted} and plans the difference. */
    public static MigrationPlan plan(SchemaIr accepted, ValidatedSchema desired) {
        return plan(accepted, SchemaIdentityResolver.resolve(accepted, desired).schemaIr());
    }

    /**
     * Plans {@code accepted → desired}. Both must be valid IR in the same identity domain, and the
     * desired IR must not change, regress or reuse identity; otherwise a {@link SchemaIdentityException}.
     */
    public static MigrationPlan plan(SchemaIr accepted, SchemaIr desired) {
        SchemaIrValidator.validate(accepted);
        SchemaIrValidator.validate(desired);
        if (!accepted.schemaIdentityDomain().equals(desired.schemaIdentityDomain())) {
            throw violation("migration planning requires accepted and desired IR in the same identity domain");
        }
        checkEvolutionIdentity(accepted, desired);
        MigrationPlanner planner = new MigrationPlanner();
        planner.interfaces(accepted.interfaces(), desired.interfaces());
        planner.nodes(accepted.nodes(), desired.nodes());
        planner.edges(accepted.edges(), desired.edges());
        if (planner.steps.isEmpty() && !accepted.equals(desired)) {
            planner.steps.add(new MigrationStep.UnsupportedChange("schema",
                    "schema migration contains an unclassified semantic IR change", null));
        }
        return MigrationPlan.of(planner.steps);
    }

    private record TypeIdentity(TypeKind kind, Long incarnation) {
    }

    private static void checkEvolutionIdentity(SchemaIr accepted, SchemaIr desired) {
        if (desired.nextIdentityId() < accepted.nextIdentityId()) {
            throw violation("desired next_identity_id " + desired.nextIdentityId()
                    + " regresses accepted high-water mark " + accepted.nextIdentityId());
        }
        Map<Long, TypeIdentity> acceptedTypes = typeIdentities(accepted);
        for (Map.Entry<Long, TypeIdentity> entry : typeIdentities(desired).entrySet()) {
            long typeId = entry.getKey();
            TypeIdentity identity = entry.getValue();
            TypeIdentity before = acceptedTypes.get(typeId);
            if (before != null) {
                if (!before.equals(identity)) {
                    throw violation("stable type id " + typeId + " changes declaration kind or table incarnation");
                }
            } else if (typeId < accepted.nextIdentityId()) {
                throw violation("new stable type id " + typeId + " reuses retired allocator space");
            }
            Long incarnation = identity.incarnation();
            if (incarnation != null && (before == null || !Objects.equals(before.incarnation(), incarnation))
                    && incarnation < accepted.nextIdentityId()) {
                throw violation("new table incarnation id " + incarnation + " reuses retired allocator space");
            }
        }
        Map<Long, Long> acceptedOwners = propertyOwners(accepted);
        for (Map.Entry<Long, Long> entry : propertyOwners(desired).entrySet()) {
            Long owner = acceptedOwners.get(entry.getKey());
            if (owner != null && !owner.equals(entry.getValue())) {
                throw violation("stable property id " + entry.getKey() + " moves across owners");
            }
            if (owner == null && entry.getKey() < accepted.nextIdentityId()) {
                throw violation("new stable property id " + entry.getKey() + " reuses retired allocator space");
            }
        }
    }

    private static Map<Long, TypeIdentity> typeIdentities(SchemaIr ir) {
        Map<Long, TypeIdentity> types = new HashMap<>();
        ir.interfaces().forEach(t -> types.put(t.typeId(), new TypeIdentity(TypeKind.INTERFACE, null)));
        ir.nodes().forEach(t -> types.put(t.typeId(), new TypeIdentity(TypeKind.NODE, t.tableIncarnationId())));
        ir.edges().forEach(t -> types.put(t.typeId(), new TypeIdentity(TypeKind.EDGE, t.tableIncarnationId())));
        return types;
    }

    private static Map<Long, Long> propertyOwners(SchemaIr ir) {
        Map<Long, Long> owners = new HashMap<>();
        ir.interfaces().forEach(t -> t.properties().forEach(p -> owners.put(p.propertyId(), t.typeId())));
        ir.nodes().forEach(t -> t.properties().forEach(p -> owners.put(p.propertyId(), t.typeId())));
        ir.edges().forEach(t -> t.properties().forEach(p -> owners.put(p.propertyId(), t.typeId())));
        return owners;
    }

    private void interfaces(List<SchemaIr.InterfaceIr> accepted, List<SchemaIr.InterfaceIr> desired) {
        Map<Long, SchemaIr.InterfaceIr> byId = new HashMap<>();
        accepted.forEach(t -> byId.put(t.typeId(), t));
        Set<Long> consumed = new HashSet<>();
        for (SchemaIr.InterfaceIr iface : desired) {
            SchemaIr.InterfaceIr existing = byId.get(iface.typeId());
            if (existing == null) {
                steps.add(new MigrationStep.AddType(TypeKind.INTERFACE, iface.name()));
                continue;
            }
            consumed.add(existing.typeId());
            if (!existing.name().equals(iface.name())) {
                steps.add(new MigrationStep.UnsupportedChange("interface:" + iface.name(),
                        "renaming interfaces is not supported in schema migration v1", null));
            }
            properties(TypeKind.INTERFACE, iface.name(), existing.properties(), iface.properties());
        }
        for (SchemaIr.InterfaceIr leftover : accepted) {
            if (!consumed.contains(leftover.typeId())) {
                steps.add(new MigrationStep.UnsupportedChange("interface:" + leftover.name(), "removing interface '"
                        + leftover.name() + "' is not supported in schema migration v1", null));
            }
        }
    }

    private void nodes(List<SchemaIr.NodeIr> accepted, List<SchemaIr.NodeIr> desired) {
        Map<Long, SchemaIr.NodeIr> byId = new HashMap<>();
        accepted.forEach(t -> byId.put(t.typeId(), t));
        Set<Long> consumed = new HashSet<>();
        for (SchemaIr.NodeIr node : desired) {
            SchemaIr.NodeIr existing = byId.get(node.typeId());
            if (existing == null) {
                steps.add(new MigrationStep.AddType(TypeKind.NODE, node.name()));
                continue;
            }
            consumed.add(existing.typeId());
            if (!existing.name().equals(node.name())) {
                steps.add(new MigrationStep.RenameType(TypeKind.NODE, existing.name(), node.name()));
            }
            if (!typeIds(existing.implementedInterfaces()).equals(typeIds(node.implementedInterfaces()))) {
                steps.add(new MigrationStep.UnsupportedChange("node:" + node.name(),
                        "changing implemented interfaces on node '" + node.name()
                                + "' is not supported in schema migration v1", null));
            }
            typeMetadata(TypeKind.NODE, node.name(), existing.annotations(), node.annotations());
            properties(TypeKind.NODE, node.name(), existing.properties(), node.properties());
            constraints(TypeKind.NODE, node.name(), existing.constraints(), node.constraints());
        }
        for (SchemaIr.NodeIr leftover : accepted) {
            if (!consumed.contains(leftover.typeId())) {
                steps.add(new MigrationStep.DropType(TypeKind.NODE, leftover.name(), DropMode.SOFT));
            }
        }
    }

    private void edges(List<SchemaIr.EdgeIr> accepted, List<SchemaIr.EdgeIr> desired) {
        Map<Long, SchemaIr.EdgeIr> byId = new HashMap<>();
        accepted.forEach(t -> byId.put(t.typeId(), t));
        Set<Long> consumed = new HashSet<>();
        for (SchemaIr.EdgeIr edge : desired) {
            SchemaIr.EdgeIr existing = byId.get(edge.typeId());
            if (existing == null) {
                steps.add(new MigrationStep.AddType(TypeKind.EDGE, edge.name()));
                continue;
            }
            consumed.add(existing.typeId());
            if (!existing.name().equals(edge.name())) {
                steps.add(new MigrationStep.RenameType(TypeKind.EDGE, existing.name(), edge.name()));
            }
            if (existing.fromType().typeId() != edge.fromType().typeId()
                    || existing.toType().typeId() != edge.toType().typeId()) {
                steps.add(new MigrationStep.UnsupportedChange("edge:" + edge.name(), "changing edge endpoints on '"
                        + edge.name() + "' is not supported in schema migration v1", null));
            }
            if (!existing.cardinality().equals(edge.cardinality())) {
                steps.add(new MigrationStep.UnsupportedChange("edge:" + edge.name(), "changing cardinality on edge '"
                        + edge.name() + "' is not supported in schema migration v1", null));
            }
            typeMetadata(TypeKind.EDGE, edge.name(), existing.annotations(), edge.annotations());
            properties(TypeKind.EDGE, edge.name(), existing.properties(), edge.properties());
            constraints(TypeKind.EDGE, edge.name(), existing.constraints(), edge.constraints());
        }
        for (SchemaIr.EdgeIr leftover : accepted) {
            if (!consumed.contains(leftover.typeId())) {
                steps.add(new MigrationStep.DropType(TypeKind.EDGE, leftover.name(), DropMode.SOFT));
            }
        }
    }

    private void properties(TypeKind kind, String typeName, List<PropertyIr> accepted, List<PropertyIr> desired) {
        Map<Long, PropertyIr> byId = new HashMap<>();
        accepted.forEach(p -> byId.put(p.propertyId(), p));
        Set<Long> consumed = new HashSet<>();
        for (PropertyIr property : desired) {
            String entity = kind.label() + ":" + typeName + "." + property.name();
            PropertyIr existing = byId.get(property.propertyId());
            if (existing == null) {
                if (property.type().nullable()) {
                    steps.add(new MigrationStep.AddProperty(kind, typeName, property.name(), property.type()));
                } else {
                    steps.add(new MigrationStep.UnsupportedChange(entity, "adding required property '" + typeName + "."
                            + property.name() + "' requires a backfill and is not supported in schema migration v1",
                            MigrationCodes.ADD_REQUIRED_PROPERTY));
                }
                continue;
            }
            consumed.add(existing.propertyId());
            if (!existing.name().equals(property.name())) {
                steps.add(new MigrationStep.RenameProperty(kind, typeName, existing.name(), property.name()));
            }
            List<String> added = enumWidening(existing.type(), property.type());
            if (added != null) {
                steps.add(new MigrationStep.ExtendEnum(kind, typeName, property.name(), added));
            } else if (!existing.type().equals(property.type())) {
                steps.add(new MigrationStep.UnsupportedChange(entity, "changing property type for '" + typeName + "."
                        + property.name() + "' is not supported in schema migration v1",
                        MigrationCodes.PROPERTY_TYPE_CHANGE));
            }
            if (!sameEmbedBinding(existing.embedSource(), property.embedSource())) {
                steps.add(new MigrationStep.UnsupportedChange(entity, "changing @embed source or model for '" + typeName
                        + "." + property.name() + "' is not supported in schema migration v1; rebuild the graph so "
                        + "stored vectors and their declared embedding space cannot diverge", null));
            }
            propertyConstraints(kind, typeName, property.name(), existing.propertyConstraints(),
                    property.propertyConstraints());
            if (existing.declaredDirectly() != property.declaredDirectly()) {
                steps.add(new MigrationStep.UnsupportedChange(entity, "changing declaration provenance for '" + typeName
                        + "." + property.name() + "' is not supported in schema migration v1", null));
            }
            if (!satisfactionIdentities(existing.satisfiesInterfaceProperties())
                    .equals(satisfactionIdentities(property.satisfiesInterfaceProperties()))) {
                steps.add(new MigrationStep.UnsupportedChange(entity, "changing interface-property satisfaction links "
                        + "for '" + typeName + "." + property.name() + "' is not supported in schema migration v1",
                        null));
            }
            propertyMetadata(kind, typeName, property.name(), existing.annotations(), property.annotations());
        }
        for (PropertyIr leftover : accepted) {
            if (!consumed.contains(leftover.propertyId())) {
                steps.add(new MigrationStep.DropProperty(kind, typeName, leftover.name(), DropMode.SOFT));
            }
        }
    }

    /** The added values when {@code desired} purely widens the enum {@code accepted}; otherwise null. */
    static List<String> enumWidening(PropertyType accepted, PropertyType desired) {
        if (!accepted.isEnum() || !desired.isEnum() || accepted.base() != desired.base()
                || accepted.nullable() != desired.nullable() || accepted.list() != desired.list()
                || accepted.enumValues().equals(desired.enumValues())
                || !desired.enumValues().containsAll(accepted.enumValues())) {
            return null;
        }
        return desired.enumValues().stream().filter(value -> !accepted.enumValues().contains(value)).toList();
    }

    private static boolean sameEmbedBinding(PropertyIr.EmbedSourceIr accepted, PropertyIr.EmbedSourceIr desired) {
        if (accepted == null || desired == null) {
            return accepted == desired;
        }
        return accepted.source().ownerTypeId() == desired.source().ownerTypeId()
                && accepted.source().propertyId() == desired.source().propertyId()
                && Objects.equals(accepted.model(), desired.model());
    }

    private static Set<List<Long>> satisfactionIdentities(List<PropertyRef> references) {
        Set<List<Long>> identities = new HashSet<>();
        references.forEach(r -> identities.add(List.of(r.ownerTypeId(), r.propertyId())));
        return identities;
    }

    private void propertyConstraints(TypeKind kind, String typeName, String propertyName,
                                     List<PropertyConstraintKind> accepted, List<PropertyConstraintKind> desired) {
        EnumSet<PropertyConstraintKind> before = accepted.isEmpty() ? EnumSet.noneOf(PropertyConstraintKind.class)
                : EnumSet.copyOf(accepted);
        EnumSet<PropertyConstraintKind> after = desired.isEmpty() ? EnumSet.noneOf(PropertyConstraintKind.class)
                : EnumSet.copyOf(desired);
        String entity = kind.label() + ":" + typeName + "." + propertyName;
        if (!after.containsAll(before)) {
            steps.add(new MigrationStep.UnsupportedChange(entity, "removing property constraints from '" + typeName + "."
                    + propertyName + "' is not supported in schema migration v1", null));
        }
        for (PropertyConstraintKind addition : after) {
            if (before.contains(addition)) {
                continue;
            }
            if (addition == PropertyConstraintKind.INDEX) {
                addOnce(new MigrationStep.AddConstraint(kind, typeName, new ConstraintShape.Index(List.of(propertyName))));
            } else {
                steps.add(new MigrationStep.UnsupportedChange(entity, "adding a property-level @" + addition.label()
                        + " constraint to '" + typeName + "." + propertyName + "' is not supported in schema migration v1",
                        null));
            }
        }
    }

    private void constraints(TypeKind kind, String typeName, List<ConstraintIr> accepted, List<ConstraintIr> desired) {
        TreeMap<String, ConstraintIr> before = new TreeMap<>();
        accepted.forEach(c -> before.put(c.identityKey(), c));
        TreeMap<String, ConstraintIr> after = new TreeMap<>();
        desired.forEach(c -> after.put(c.identityKey(), c));
        String entity = kind.label() + ":" + typeName;
        if (!after.keySet().containsAll(before.keySet())) {
            steps.add(new MigrationStep.UnsupportedChange(entity, "removing constraints from '" + typeName
                    + "' is not supported in schema migration v1", null));
        }
        after.forEach((key, constraint) -> {
            if (before.containsKey(key)) {
                return;
            }
            if (constraint instanceof ConstraintIr.Index) {
                addOnce(new MigrationStep.AddConstraint(kind, typeName, constraint.toShape()));
            } else {
                steps.add(new MigrationStep.UnsupportedChange(entity, "adding constraint '" + key + "' to '" + typeName
                        + "' is not supported in schema migration v1", null));
            }
        });
    }

    private void typeMetadata(TypeKind kind, String name, List<Annotation> accepted, List<Annotation> desired) {
        String unsupported = annotationChange(accepted, desired);
        if (unsupported != null) {
            steps.add(new MigrationStep.UnsupportedChange(kind.label() + ":" + name, unsupported, null));
        } else if (!metadata(accepted).equals(metadata(desired))) {
            steps.add(new MigrationStep.UpdateTypeMetadata(kind, name, metadata(desired)));
        }
    }

    private void propertyMetadata(TypeKind kind, String typeName, String propertyName, List<Annotation> accepted,
                                  List<Annotation> desired) {
        String unsupported = annotationChange(accepted, desired);
        if (unsupported != null) {
            steps.add(new MigrationStep.UnsupportedChange(kind.label() + ":" + typeName + "." + propertyName,
                    unsupported, null));
        } else if (!metadata(accepted).equals(metadata(desired))) {
            steps.add(new MigrationStep.UpdatePropertyMetadata(kind, typeName, propertyName, metadata(desired)));
        }
    }

    /** A reason when annotations other than description/instruction changed; null otherwise. */
    private static String annotationChange(List<Annotation> accepted, List<Annotation> desired) {
        List<Annotation> before = accepted.stream().filter(a -> !IGNORED_IN_COMPARE.contains(a.name())).toList();
        List<Annotation> after = desired.stream().filter(a -> !IGNORED_IN_COMPARE.contains(a.name())).toList();
        return before.equals(after) ? null
                : "changing annotations beyond @description/@instruction is not supported in schema migration v1";
    }

    private static List<Annotation> metadata(List<Annotation> annotations) {
        return annotations.stream().filter(a -> METADATA.contains(a.name())).toList();
    }

    private static Set<Long> typeIds(List<TypeRef> references) {
        Set<Long> ids = new HashSet<>();
        references.forEach(r -> ids.add(r.typeId()));
        return ids;
    }

    private void addOnce(MigrationStep step) {
        if (!steps.contains(step)) {
            steps.add(step);
        }
    }

    private static SchemaIdentityException violation(String message) {
        return new SchemaIdentityException(IdentityCodes.EVOLUTION_VIOLATION,
                "schema identity resolution failed: " + message);
    }
}
