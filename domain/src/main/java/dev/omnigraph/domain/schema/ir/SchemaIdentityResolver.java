package dev.omnigraph.domain.schema.ir;

import dev.omnigraph.domain.lang.SourceFile;
import dev.omnigraph.domain.lang.Span;
import dev.omnigraph.domain.schema.ConstraintShape;
import dev.omnigraph.domain.schema.PropertyShape;
import dev.omnigraph.domain.schema.SchemaShape;
import dev.omnigraph.domain.schema.ShapePropertyRef;
import dev.omnigraph.domain.schema.TypeKind;
import dev.omnigraph.domain.schema.ValidatedSchema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Mints or preserves schema identity, the only place ids are created.
 *
 * <p>Rules, as in the reference: a desired type keeps the ids of the accepted type of the same
 * kind and name; otherwise its {@code @rename_from("Old")} hint carries the ids of the one accepted
 * type of the same kind named {@code Old}; otherwise it is new. Properties match within their
 * (identity-matched) owner the same way; moving a property to another owner is refused. New ids
 * come from the shared allocator in a canonical order (new types by kind then name, then new
 * properties by owner id then name, then new incarnations by type id), so the result does not
 * depend on declaration order. On a brand-new graph hints are inert and only reported.
 *
 * <p>Failures are {@link SchemaIdentityException}s ({@code S201} resolution, {@code S202}
 * allocator exhausted, {@code S203} the result or the accepted IR is invalid); when a
 * {@link ValidatedSchema} is given they point at the offending declaration.
 */
public final class SchemaIdentityResolver {

    private record AcceptedType(TypeKind kind, String name, long typeId, Long incarnation,
                                List<PropertyIr> properties) {
    }

    private static final class Assigned {
        long typeId;
        Long incarnation;
        final boolean matched;

        Assigned(long typeId, Long incarnation, boolean matched) {
            this.typeId = typeId;
            this.incarnation = incarnation;
            this.matched = matched;
        }
    }

    private record TypeKey(TypeKind kind, String name) implements Comparable<TypeKey> {
        @Override
        public int compareTo(TypeKey other) {
            int byKind = kind.compareTo(other.kind);
            return byKind != 0 ? byKind : dev.omnigraph.domain.json.JsonDigest.CODE_POINT_ORDER.compare(name, other.name);
        }
    }

    private record PendingProperty(long ownerId, String name) {
    }

    private final SchemaIdentityDomain domain;
    private final SchemaIr accepted;
    private final SchemaShape shape;
    private final ValidatedSchema desired;
    private long next;

    private SchemaIdentityResolver(SchemaIdentityDomain domain, long next, SchemaIr accepted, SchemaShape shape,
                                   ValidatedSchema desired) {
        this.domain = domain;
        this.next = next;
        this.accepted = accepted;
        this.shape = shape;
        this.desired = desired;
    }

    /** Identity for a brand-new graph: every id is new, rename hints are reported as inert. */
    public static SchemaResolution initialize(SchemaIdentityDomain domain, SchemaShape shape) {
        return new SchemaIdentityResolver(domain, 1, null, shape, null).resolve();
    }

    public static SchemaResolution initialize(SchemaIdentityDomain domain, ValidatedSchema desired) {
        return new SchemaIdentityResolver(domain, 1, null, desired.shape(), desired).resolve();
    }

    /** Identity for an evolution of {@code accepted} (validated first) towards {@code shape}. */
    public static SchemaResolution resolve(SchemaIr accepted, SchemaShape shape) {
        SchemaIrValidator.validate(accepted);
        return new SchemaIdentityResolver(accepted.schemaIdentityDomain(), accepted.nextIdentityId(), accepted, shape,
                null).resolve();
    }

    public static SchemaResolution resolve(SchemaIr accepted, ValidatedSchema desired) {
        SchemaIrValidator.validate(accepted);
        return new SchemaIdentityResolver(accepted.schemaIdentityDomain(), accepted.nextIdentityId(), accepted,
                desired.shape(), desired).resolve();
    }

    private SchemaResolution resolve() {
        if (next <= 0) {
            throw new SchemaIdentityException(IdentityCodes.INVALID_IR,
                    "schema identity id for next_identity_id must be nonzero (got " + next + ")");
        }
        boolean evolving = accepted != null;
        List<AcceptedType> acceptedTypes = evolving ? acceptedTypes(accepted) : List.of();
        Map<TypeKey, AcceptedType> acceptedByKey = new HashMap<>();
        Map<String, List<AcceptedType>> acceptedByName = new HashMap<>();
        for (AcceptedType type : acceptedTypes) {
            acceptedByKey.put(new TypeKey(type.kind(), type.name()), type);
            acceptedByName.computeIfAbsent(type.name(), key -> new ArrayList<>()).add(type);
        }
        List<SchemaIdentityDiagnostic> diagnostics = new ArrayList<>();
        TreeMap<TypeKey, Assigned> assignments = new TreeMap<>();
        Set<Long> consumedTypes = new HashSet<>();

        for (TypeKey key : desiredTypes()) {
            String hint = typeHint(key);
            String entity = key.kind().label() + ":" + key.name();
            AcceptedType matched = acceptedByKey.get(key);
            if (matched != null) {
                if (hint != null) {
                    diagnostics.add(new SchemaIdentityDiagnostic(
                            SchemaIdentityDiagnostic.Kind.IGNORED_EXACT_MATCH_RENAME_HINT, entity, hint));
                }
            } else if (hint != null) {
                if (!evolving) {
                    diagnostics.add(new SchemaIdentityDiagnostic(
                            SchemaIdentityDiagnostic.Kind.INERT_INITIALIZATION_RENAME_HINT, entity, hint));
                } else {
                    List<AcceptedType> candidates = acceptedByName.getOrDefault(hint, List.of());
                    if (candidates.isEmpty()) {
                        throw resolutionError(key.kind().label() + " '" + key.name() + "' declares @rename_from(\""
                                + hint + "\") but no accepted declaration has that name", typeSpan(key));
                    }
                    List<AcceptedType> sameKind = candidates.stream().filter(c -> c.kind() == key.kind()).toList();
                    if (sameKind.size() != 1) {
                        throw resolutionError(key.kind().label() + " '" + key.name() + "' cannot rename accepted '"
                                + hint + "' across declaration kinds", typeSpan(key));
                    }
                    matched = sameKind.get(0);
                }
            }
            if (matched != null) {
                if (!consumedTypes.add(matched.typeId())) {
                    throw resolutionError("accepted " + matched.kind().label() + " '" + matched.name()
                            + "' is consumed by more than one desired declaration", typeSpan(key));
                }
                assignments.put(key, new Assigned(matched.typeId(), matched.incarnation(), true));
            } else {
                assignments.put(key, new Assigned(0, null, false));
            }
        }
        for (Assigned assigned : assignments.values()) {
            if (!assigned.matched) {
                assigned.typeId = allocate();
            }
        }

        Map<PendingProperty, Long> propertyIds = new HashMap<>();
        Set<Long> consumedProperties = new HashSet<>();
        List<PendingProperty> pending = new ArrayList<>();
        for (TypeKey ownerKey : desiredTypes()) {
            Assigned owner = assignments.get(ownerKey);
            Optional<AcceptedType> acceptedOwner = acceptedTypes.stream()
                    .filter(candidate -> candidate.typeId() == owner.typeId).findFirst();
            for (PropertyShape property : propertiesOf(ownerKey)) {
                String hint = property.renameFrom();
                String entity = ownerKey.kind().label() + ":" + ownerKey.name() + "." + property.name();
                PropertyIr matched = null;
                if (acceptedOwner.isPresent()) {
                    Optional<PropertyIr> exact = acceptedOwner.get().properties().stream()
                            .filter(candidate -> candidate.name().equals(property.name())).findFirst();
                    if (exact.isPresent()) {
                        matched = exact.get();
                        if (hint != null) {
                            diagnostics.add(new SchemaIdentityDiagnostic(
                                    SchemaIdentityDiagnostic.Kind.IGNORED_EXACT_MATCH_RENAME_HINT, entity, hint));
                        }
                    } else if (hint != null) {
                        List<PropertyIr> local = acceptedOwner.get().properties().stream()
                                .filter(candidate -> candidate.name().equals(hint)).toList();
                        if (local.size() != 1) {
                            long ownerId = acceptedOwner.get().typeId();
                            boolean elsewhere = acceptedTypes.stream().anyMatch(candidate -> candidate.typeId() != ownerId
                                    && candidate.properties().stream().anyMatch(p -> p.name().equals(hint)));
                            String detail = elsewhere ? "property moves across stable owners are not supported"
                                    : "no accepted property with that name exists under the stable owner";
                            throw resolutionError("property '" + ownerKey.name() + "." + property.name()
                                    + "' declares @rename_from(\"" + hint + "\"): " + detail,
                                    propertySpan(ownerKey, property.name()));
                        }
                        matched = local.get(0);
                    }
                } else if (hint != null) {
                    if (evolving) {
                        throw resolutionError("new owner '" + ownerKey.kind().label() + ":" + ownerKey.name()
                                + "' cannot import property identity with @rename_from(\"" + hint + "\")",
                                propertySpan(ownerKey, property.name()));
                    }
                    diagnostics.add(new SchemaIdentityDiagnostic(
                            SchemaIdentityDiagnostic.Kind.INERT_INITIALIZATION_RENAME_HINT, entity, hint));
                }
                PendingProperty slot = new PendingProperty(owner.typeId, property.name());
                if (matched != null) {
                    if (!consumedProperties.add(matched.propertyId())) {
                        throw resolutionError("accepted property id " + matched.propertyId()
                                + " is consumed more than once", propertySpan(ownerKey, property.name()));
                    }
                    propertyIds.put(slot, matched.propertyId());
                } else {
                    pending.add(slot);
                }
            }
        }
        pending.sort(Comparator.comparingLong(PendingProperty::ownerId)
                .thenComparing(PendingProperty::name, dev.omnigraph.domain.json.JsonDigest.CODE_POINT_ORDER));
        for (PendingProperty slot : pending) {
            propertyIds.put(slot, allocate());
        }

        List<Assigned> needIncarnation = new ArrayList<>();
        assignments.forEach((key, assigned) -> {
            if (key.kind() != TypeKind.INTERFACE && assigned.incarnation == null) {
                needIncarnation.add(assigned);
            }
        });
        needIncarnation.sort(Comparator.comparingLong(assigned -> assigned.typeId));
        for (Assigned assigned : needIncarnation) {
            assigned.incarnation = allocate();
        }

        SchemaIr ir = build(assignments, propertyIds);
        SchemaIrValidator.validate(ir);
        return new SchemaResolution(ir, diagnostics);
    }

    private SchemaIr build(Map<TypeKey, Assigned> assignments, Map<PendingProperty, Long> propertyIds) {
        List<SchemaIr.InterfaceIr> interfaces = new ArrayList<>();
        for (SchemaShape.InterfaceShape iface : shape.interfaces()) {
            long typeId = assignments.get(new TypeKey(TypeKind.INTERFACE, iface.name())).typeId;
            interfaces.add(new SchemaIr.InterfaceIr(iface.name(), typeId,
                    properties(typeId, iface.name(), iface.properties(), assignments, propertyIds)));
        }
        List<SchemaIr.NodeIr> nodes = new ArrayList<>();
        for (SchemaShape.NodeShape node : shape.nodes()) {
            Assigned assigned = assignments.get(new TypeKey(TypeKind.NODE, node.name()));
            List<TypeRef> implemented = new ArrayList<>(node.implementedInterfaces().stream()
                    .map(name -> typeRef(TypeKind.INTERFACE, name, assignments)).toList());
            implemented.sort(null);
            nodes.add(new SchemaIr.NodeIr(node.name(), assigned.typeId, assigned.incarnation, node.annotations(),
                    implemented, properties(assigned.typeId, node.name(), node.properties(), assignments, propertyIds),
                    constraints(TypeKind.NODE, assigned, node.name(), node.constraints(), propertyIds)));
        }
        List<SchemaIr.EdgeIr> edges = new ArrayList<>();
        for (SchemaShape.EdgeShape edge : shape.edges()) {
            Assigned assigned = assignments.get(new TypeKey(TypeKind.EDGE, edge.name()));
            edges.add(new SchemaIr.EdgeIr(edge.name(), assigned.typeId, assigned.incarnation,
                    typeRef(TypeKind.NODE, edge.fromType(), assignments), typeRef(TypeKind.NODE, edge.toType(), assignments),
                    edge.cardinality(), edge.annotations(),
                    properties(assigned.typeId, edge.name(), edge.properties(), assignments, propertyIds),
                    constraints(TypeKind.EDGE, assigned, edge.name(), edge.constraints(), propertyIds)));
        }
        return new SchemaIr(SchemaIr.IR_VERSION, domain, next, interfaces, nodes, edges);
    }

    private List<PropertyIr> properties(long ownerId, String ownerName, List<PropertyShape> properties,
                                        Map<TypeKey, Assigned> assignments, Map<PendingProperty, Long> propertyIds) {
        List<PropertyIr> result = new ArrayList<>();
        for (PropertyShape property : properties) {
            PropertyIr.EmbedSourceIr embed = property.embedSource() == null ? null : new PropertyIr.EmbedSourceIr(
                    propertyRef(ownerId, ownerName, property.embedSource().propertyName(), propertyIds),
                    property.embedSource().model());
            List<PropertyRef> satisfies = new ArrayList<>();
            for (ShapePropertyRef reference : property.satisfiesInterfaceProperties()) {
                Assigned iface = assignments.get(new TypeKey(TypeKind.INTERFACE, reference.ownerName()));
                if (iface == null) {
                    throw resolutionError("unknown interface '" + reference.ownerName() + "'", null);
                }
                satisfies.add(propertyRef(iface.typeId, reference.ownerName(), reference.propertyName(), propertyIds));
            }
            satisfies.sort(null);
            result.add(new PropertyIr(property.name(), propertyIds.get(new PendingProperty(ownerId, property.name())),
                    property.type(), property.annotations(), property.propertyConstraints(), embed,
                    property.declaredDirectly(), satisfies));
        }
        return result;
    }

    private PropertyRef propertyRef(long ownerId, String ownerName, String propertyName,
                                    Map<PendingProperty, Long> propertyIds) {
        Long id = propertyIds.get(new PendingProperty(ownerId, propertyName));
        if (id == null) {
            throw resolutionError("unknown property reference '" + ownerName + "." + propertyName + "'", null);
        }
        return new PropertyRef(ownerId, ownerName, id, propertyName);
    }

    private List<ConstraintIr> constraints(TypeKind kind, Assigned owner, String ownerName,
                                           List<ConstraintShape> constraints, Map<PendingProperty, Long> propertyIds) {
        List<ConstraintIr> result = new ArrayList<>();
        for (ConstraintShape constraint : constraints) {
            if (constraint instanceof ConstraintShape.Key key) {
                result.add(new ConstraintIr.Key(fields(kind, owner, ownerName, key.fields(), propertyIds)));
            } else if (constraint instanceof ConstraintShape.Unique unique) {
                result.add(new ConstraintIr.Unique(fields(kind, owner, ownerName, unique.fields(), propertyIds)));
            } else if (constraint instanceof ConstraintShape.Index index) {
                result.add(new ConstraintIr.Index(fields(kind, owner, ownerName, index.fields(), propertyIds)));
            } else if (constraint instanceof ConstraintShape.Range range) {
                result.add(new ConstraintIr.Range(field(kind, owner, ownerName, range.property(), propertyIds),
                        range.min(), range.max()));
            } else {
                ConstraintShape.Check check = (ConstraintShape.Check) constraint;
                result.add(new ConstraintIr.Check(field(kind, owner, ownerName, check.property(), propertyIds),
                        check.pattern()));
            }
        }
        return result;
    }

    private List<FieldRef> fields(TypeKind kind, Assigned owner, String ownerName, List<String> names,
                                  Map<PendingProperty, Long> propertyIds) {
        return names.stream().map(name -> field(kind, owner, ownerName, name, propertyIds)).toList();
    }

    /** {@code id} (any table) and {@code src}/{@code dst} (edges) are system columns, all else properties. */
    private FieldRef field(TypeKind kind, Assigned owner, String ownerName, String name,
                           Map<PendingProperty, Long> propertyIds) {
        FieldRef.SystemRole role = null;
        if (name.equals("id")) {
            role = FieldRef.SystemRole.ID;
        } else if (kind == TypeKind.EDGE && name.equals("src")) {
            role = FieldRef.SystemRole.SRC;
        } else if (kind == TypeKind.EDGE && name.equals("dst")) {
            role = FieldRef.SystemRole.DST;
        }
        if (role != null) {
            return new FieldRef.SystemField(owner.typeId, ownerName, owner.incarnation, role);
        }
        return new FieldRef.PropertyField(propertyRef(owner.typeId, ownerName, name, propertyIds));
    }

    private TypeRef typeRef(TypeKind kind, String name, Map<TypeKey, Assigned> assignments) {
        Assigned assigned = assignments.get(new TypeKey(kind, name));
        if (assigned == null) {
            throw resolutionError("unknown " + kind.label() + " '" + name + "'", null);
        }
        return new TypeRef(assigned.typeId, name);
    }

    private long allocate() {
        if (next == Long.MAX_VALUE) {
            throw new SchemaIdentityException(IdentityCodes.ALLOCATOR_EXHAUSTED, "schema identity allocator is exhausted");
        }
        return next++;
    }

    private List<TypeKey> desiredTypes() {
        List<TypeKey> keys = new ArrayList<>();
        shape.interfaces().forEach(t -> keys.add(new TypeKey(TypeKind.INTERFACE, t.name())));
        shape.nodes().forEach(t -> keys.add(new TypeKey(TypeKind.NODE, t.name())));
        shape.edges().forEach(t -> keys.add(new TypeKey(TypeKind.EDGE, t.name())));
        return keys;
    }

    /** Interfaces carry no type-level hint (the grammar gives them no annotations). */
    private String typeHint(TypeKey key) {
        return switch (key.kind()) {
            case INTERFACE -> null;
            case NODE -> shape.node(key.name()).map(SchemaShape.NodeShape::renameFrom).orElse(null);
            case EDGE -> shape.edge(key.name()).map(SchemaShape.EdgeShape::renameFrom).orElse(null);
        };
    }

    private List<PropertyShape> propertiesOf(TypeKey key) {
        return switch (key.kind()) {
            case INTERFACE -> shape.interfaceNamed(key.name()).map(SchemaShape.InterfaceShape::properties).orElseThrow();
            case NODE -> shape.node(key.name()).map(SchemaShape.NodeShape::properties).orElseThrow();
            case EDGE -> shape.edge(key.name()).map(SchemaShape.EdgeShape::properties).orElseThrow();
        };
    }

    private static List<AcceptedType> acceptedTypes(SchemaIr ir) {
        List<AcceptedType> types = new ArrayList<>();
        ir.interfaces().forEach(t -> types.add(new AcceptedType(TypeKind.INTERFACE, t.name(), t.typeId(), null,
                t.properties())));
        ir.nodes().forEach(t -> types.add(new AcceptedType(TypeKind.NODE, t.name(), t.typeId(), t.tableIncarnationId(),
                t.properties())));
        ir.edges().forEach(t -> types.add(new AcceptedType(TypeKind.EDGE, t.name(), t.typeId(), t.tableIncarnationId(),
                t.properties())));
        return types;
    }

    private Span typeSpan(TypeKey key) {
        return desired == null ? null : desired.typeSpan(key.kind(), key.name()).orElse(null);
    }

    private Span propertySpan(TypeKey owner, String property) {
        return desired == null ? null : desired.propertySpan(owner.kind(), owner.name(), property).orElse(null);
    }

    private SchemaIdentityException resolutionError(String message, Span span) {
        SourceFile source = desired == null ? null : desired.source();
        return new SchemaIdentityException(IdentityCodes.RESOLUTION_FAILED,
                "schema identity resolution failed: " + message, span, source);
    }
}
