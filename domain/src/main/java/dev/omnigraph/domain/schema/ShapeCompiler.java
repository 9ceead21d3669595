package dev.omnigraph.domain.schema;

import dev.omnigraph.domain.json.JsonDigest;
import dev.omnigraph.domain.json.JsonWriter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Projects a validated tree onto its canonical {@link SchemaShape}, following the reference's
 * {@code compile_schema_shape} rule for rule (sorting, de-duplication, desugaring, provenance), so
 * that shape digests agree with the reference byte for byte.
 */
final class ShapeCompiler {

    /** Annotations that carry typed meaning and are therefore not kept as opaque metadata. */
    static final Set<String> TYPED_ANNOTATIONS = Set.of("rename_from", "embed", "key", "unique", "index");

    private static final Comparator<String> NAMES = JsonDigest.CODE_POINT_ORDER;

    private ShapeCompiler() {
    }

    static SchemaShape compile(SchemaDocument document, List<EffectiveNode> effectiveNodes) {
        List<SchemaShape.InterfaceShape> interfaces = new ArrayList<>();
        for (InterfaceDeclaration iface : document.interfaces()) {
            interfaces.add(new SchemaShape.InterfaceShape(iface.name().text(), directProperties(iface.properties())));
        }
        List<SchemaShape.NodeShape> nodes = new ArrayList<>();
        for (EffectiveNode node : effectiveNodes) {
            nodes.add(nodeShape(node, document));
        }
        List<SchemaShape.EdgeShape> edges = new ArrayList<>();
        for (EdgeDeclaration edge : document.edges()) {
            List<Constraint> constraints = new ArrayList<>(edge.constraints());
            constraints.addAll(SchemaValidator.desugar(edge.properties()));
            edges.add(new SchemaShape.EdgeShape(edge.name().text(), renameHint(edge.annotations()),
                    edge.fromType().text(), edge.toType().text(), edge.cardinality(),
                    canonicalAnnotations(edge.annotations()), directProperties(edge.properties()),
                    canonicalConstraints(constraints.stream().map(ConstraintShape::of).toList())));
        }
        interfaces.sort(Comparator.comparing(SchemaShape.InterfaceShape::name, NAMES));
        nodes.sort(Comparator.comparing(SchemaShape.NodeShape::name, NAMES));
        edges.sort(Comparator.comparing(SchemaShape.EdgeShape::name, NAMES));
        return new SchemaShape(interfaces, nodes, edges);
    }

    private static SchemaShape.NodeShape nodeShape(EffectiveNode node, SchemaDocument document) {
        NodeDeclaration declaration = node.declaration();
        TreeSet<String> implemented = new TreeSet<>(NAMES);
        declaration.implementedInterfaces().forEach(name -> implemented.add(name.text()));

        List<PropertyShape> properties = new ArrayList<>();
        for (PropertyDeclaration effective : node.properties()) {
            EffectiveNode.PropertyOrigin origin = node.origins().get(effective.nameText());
            boolean declaredDirectly = origin == null || origin.declaredDirectly();
            List<ShapePropertyRef> contributions = origin == null ? List.of() : origin.interfaceProperties();
            PropertyDeclaration semanticSource = effective;
            if (!declaredDirectly && !contributions.isEmpty()) {
                ShapePropertyRef first = contributions.get(0);
                semanticSource = document.interfaces().stream()
                        .filter(iface -> iface.name().text().equals(first.ownerName()))
                        .flatMap(iface -> iface.properties().stream())
                        .filter(p -> p.nameText().equals(first.propertyName()))
                        .findFirst().orElse(effective);
            }
            properties.add(propertyShape(semanticSource, declaredDirectly).withSatisfies(contributions));
        }
        properties.sort(Comparator.comparing(PropertyShape::name, NAMES));

        List<ConstraintShape> constraints = new ArrayList<>(
                node.sourceConstraints().stream().map(ConstraintShape::of).toList());
        for (PropertyShape property : properties) {
            if (property.declaredDirectly()) {
                continue;
            }
            for (PropertyConstraintKind kind : property.propertyConstraints()) {
                List<String> field = List.of(property.name());
                constraints.add(switch (kind) {
                    case KEY -> new ConstraintShape.Key(field);
                    case UNIQUE -> new ConstraintShape.Unique(field);
                    case INDEX -> new ConstraintShape.Index(field);
                });
            }
        }
        return new SchemaShape.NodeShape(declaration.name().text(), renameHint(declaration.annotations()),
                canonicalAnnotations(declaration.annotations()), List.copyOf(implemented), properties,
                canonicalConstraints(constraints));
    }

    private static List<PropertyShape> directProperties(List<PropertyDeclaration> properties) {
        List<PropertyShape> shapes = new ArrayList<>();
        for (PropertyDeclaration property : properties) {
            shapes.add(propertyShape(property, true));
        }
        shapes.sort(Comparator.comparing(PropertyShape::name, NAMES));
        return shapes;
    }

    static PropertyShape propertyShape(PropertyDeclaration property, boolean declaredDirectly) {
        TreeSet<PropertyConstraintKind> kinds = new TreeSet<>();
        PropertyShape.EmbedSource embed = null;
        for (Annotation annotation : property.annotations()) {
            switch (annotation.name()) {
                case "key" -> addIfBare(kinds, annotation, PropertyConstraintKind.KEY);
                case "unique" -> addIfBare(kinds, annotation, PropertyConstraintKind.UNIQUE);
                case "index" -> addIfBare(kinds, annotation, PropertyConstraintKind.INDEX);
                case "embed" -> {
                    if (embed == null && annotation.hasValue()) {
                        embed = new PropertyShape.EmbedSource(annotation.value(), annotation.kwargs().get("model"));
                    }
                }
                default -> {
                }
            }
        }
        Annotation firstEmbed = property.annotation("embed").orElse(null);
        if (firstEmbed != null && !firstEmbed.hasValue()) {
            embed = null;
        }
        return new PropertyShape(property.nameText(), renameHint(property.annotations()), property.type(),
                canonicalAnnotations(property.annotations()), List.copyOf(kinds), embed, declaredDirectly, List.of());
    }

    private static void addIfBare(Set<PropertyConstraintKind> kinds, Annotation annotation, PropertyConstraintKind kind) {
        if (!annotation.hasValue()) {
            kinds.add(kind);
        }
    }

    /** The semantic identity of an interface property, used to compare several contributors. */
    static String semanticKey(PropertyDeclaration property) {
        return JsonWriter.compact(propertyShape(property, false).toJson());
    }

    static String renameHint(List<Annotation> annotations) {
        return annotations.stream().filter(a -> a.name().equals("rename_from")).map(Annotation::value)
                .findFirst().orElse(null);
    }

    /** Opaque annotations without positions, sorted by their JSON spelling, without duplicates. */
    static List<Annotation> canonicalAnnotations(List<Annotation> annotations) {
        TreeSet<String> seen = new TreeSet<>();
        List<Annotation> result = new ArrayList<>();
        annotations.stream()
                .filter(annotation -> !TYPED_ANNOTATIONS.contains(annotation.name()))
                .map(Annotation::withoutPositions)
                .sorted(Comparator.comparing(a -> JsonWriter.compact(a.toJson()), NAMES))
                .forEach(annotation -> {
                    if (seen.add(JsonWriter.compact(annotation.toJson()))) {
                        result.add(annotation);
                    }
                });
        return result;
    }

    /** Normalised, sorted by the reference's sort key, without duplicates. */
    static List<ConstraintShape> canonicalConstraints(List<ConstraintShape> constraints) {
        List<ConstraintShape> sorted = new ArrayList<>(constraints.stream().map(ConstraintShape::normalized).toList());
        sorted.sort(Comparator.comparing(ConstraintShape::sortKey, NAMES));
        List<ConstraintShape> result = new ArrayList<>();
        for (ConstraintShape constraint : sorted) {
            if (result.isEmpty() || !result.get(result.size() - 1).equals(constraint)) {
                result.add(constraint);
            }
        }
        return result;
    }
}
