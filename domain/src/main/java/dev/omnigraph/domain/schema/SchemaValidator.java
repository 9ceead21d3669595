package dev.omnigraph.domain.schema;

import dev.omnigraph.domain.lang.Diagnostic;
import dev.omnigraph.domain.lang.LanguageException;
import dev.omnigraph.domain.lang.SourceFile;
import dev.omnigraph.domain.lang.Span;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The semantic rules of the schema language, those of the reference's parser and catalog builder:
 * unique type and property names, reserved names, interface expansion and type agreement, edge
 * endpoints, annotation placement and arity, {@code @embed} binding, and body-constraint rules.
 *
 * <p>Contract: {@link #validate} either returns a {@link ValidatedSchema} or throws one
 * {@link LanguageException} carrying every violation found ({@code S1xx} codes), ordered by
 * position. A rule that cannot be judged because of an earlier violation (an unknown interface,
 * say) is skipped rather than reported twice.
 */
public final class SchemaValidator {

    /** Names owned by the storage engine's virtual row columns; no property may use them. */
    public static final Set<String> RESERVED_PROPERTY_NAMES = Set.of(
            "_rowid", "_rowaddr", "_rowoffset", "_row_created_at_version", "_row_last_updated_at_version");

    private static final Set<String> TYPE_LEVEL_FORBIDDEN = Set.of("key", "unique", "index", "embed");

    private final SourceFile source;
    private final SchemaDocument document;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private SchemaValidator(SourceFile source, SchemaDocument document) {
        this.source = source;
        this.document = document;
    }

    /** Validates a parsed {@code document} of {@code source}. */
    public static ValidatedSchema validate(SchemaDocument document, SourceFile source) {
        return new SchemaValidator(source, document).run();
    }

    private ValidatedSchema run() {
        Map<String, InterfaceDeclaration> interfaces = new LinkedHashMap<>();
        Map<String, NodeDeclaration> nodes = new LinkedHashMap<>();
        Map<String, EdgeDeclaration> edges = new LinkedHashMap<>();
        Map<String, EdgeDeclaration> edgesByFoldedName = new HashMap<>();
        for (Declaration declaration : document.declarations()) {
            Declaration first;
            if (declaration instanceof InterfaceDeclaration iface) {
                first = interfaces.putIfAbsent(iface.name().text(), iface);
            } else if (declaration instanceof NodeDeclaration node) {
                first = nodes.putIfAbsent(node.name().text(), node);
            } else {
                EdgeDeclaration edge = (EdgeDeclaration) declaration;
                first = edges.putIfAbsent(edge.name().text(), edge);
                String folded = edge.name().text().toLowerCase(Locale.ROOT);
                EdgeDeclaration sameFold = edgesByFoldedName.putIfAbsent(folded, edge);
                if (first == null && sameFold != null) {
                    report(SchemaCodes.EDGE_NAME_CASE_COLLISION, "edge name collision after case folding: '"
                            + edge.name().text() + "' conflicts with '" + sameFold.name().text() + "'",
                            edge.name().span());
                }
            }
            if (first != null) {
                report(SchemaCodes.DUPLICATE_TYPE, "duplicate " + declaration.kind().label() + " type: "
                        + declaration.name().text() + " (first declared at line " + first.name().span().line() + ")",
                        declaration.name().span());
            }
            checkPropertyNames(declaration);
        }

        for (InterfaceDeclaration iface : document.interfaces()) {
            for (PropertyDeclaration property : iface.properties()) {
                checkRenameHint(property.annotations(), "property " + iface.name().text() + "." + property.nameText());
            }
        }

        List<EffectiveNode> effectiveNodes = new ArrayList<>();
        for (NodeDeclaration node : document.nodes()) {
            EffectiveNode effective = expand(node, interfaces);
            effectiveNodes.add(effective);
            checkTypeAnnotations(node.annotations(), "node " + node.name().text(), "node");
            for (PropertyDeclaration property : effective.properties()) {
                checkPropertyAnnotations(property, node.name().text(), effective.properties(), false);
            }
            checkConstraints(effective.constraints(), effective.properties(), node.name().text(), false);
        }

        for (EdgeDeclaration edge : document.edges()) {
            for (Name endpoint : List.of(edge.fromType(), edge.toType())) {
                if (!nodes.containsKey(endpoint.text())) {
                    String role = endpoint == edge.fromType() ? "source" : "target";
                    report(SchemaCodes.UNKNOWN_ENDPOINT_TYPE, "edge " + edge.name().text() + " references unknown "
                            + role + " type: " + endpoint.text()
                            + (interfaces.containsKey(endpoint.text()) ? " (edge endpoints must be node types, not interfaces)" : ""),
                            endpoint.span());
                }
            }
            checkTypeAnnotations(edge.annotations(), "edge " + edge.name().text(), "edges");
            for (PropertyDeclaration property : edge.properties()) {
                checkPropertyAnnotations(property, edge.name().text(), edge.properties(), true);
            }
            List<Constraint> constraints = new ArrayList<>(edge.constraints());
            constraints.addAll(desugar(edge.properties()));
            checkConstraints(constraints, edge.properties(), edge.name().text(), true);
        }

        if (!diagnostics.isEmpty()) {
            List<Diagnostic> unique = new ArrayList<>(new java.util.LinkedHashSet<>(diagnostics));
            diagnostics.clear();
            diagnostics.addAll(unique);
            diagnostics.sort(Comparator.comparingInt((Diagnostic d) -> d.span().start()).thenComparing(Diagnostic::code));
            throw new LanguageException(diagnostics, source);
        }
        SchemaShape shape = ShapeCompiler.compile(document, effectiveNodes);
        return new ValidatedSchema(source, document, effectiveNodes, shape);
    }

    private void checkPropertyNames(Declaration declaration) {
        Map<String, PropertyDeclaration> seen = new HashMap<>();
        for (PropertyDeclaration property : declaration.properties()) {
            String name = property.nameText();
            if (RESERVED_PROPERTY_NAMES.contains(name)) {
                report(SchemaCodes.RESERVED_PROPERTY_NAME, "property name '" + name
                        + "' is reserved for a virtual storage system column", property.name().span());
            }
            PropertyDeclaration first = seen.putIfAbsent(name, property);
            if (first != null) {
                report(SchemaCodes.DUPLICATE_PROPERTY, "duplicate property '" + name + "' in "
                        + declaration.kind().label() + " " + declaration.name().text() + " (first declared at line "
                        + first.name().span().line() + ")", property.name().span());
            }
        }
    }

    /** Interface expansion: inject missing interface properties, check re-declared ones agree. */
    private EffectiveNode expand(NodeDeclaration node, Map<String, InterfaceDeclaration> interfaces) {
        List<PropertyDeclaration> properties = new ArrayList<>(node.properties());
        Map<String, Boolean> direct = new LinkedHashMap<>();
        Map<String, TreeSet<ShapePropertyRef>> contributions = new HashMap<>();
        Map<String, List<PropertyDeclaration>> contributors = new HashMap<>();
        Map<String, Name> firstImplementer = new HashMap<>();
        for (PropertyDeclaration property : node.properties()) {
            direct.putIfAbsent(property.nameText(), true);
        }
        List<Constraint> injectedConstraints = new ArrayList<>();
        for (Name interfaceName : node.implementedInterfaces()) {
            InterfaceDeclaration iface = interfaces.get(interfaceName.text());
            if (iface == null) {
                report(SchemaCodes.UNKNOWN_INTERFACE, "node " + node.name().text() + " implements unknown interface '"
                        + interfaceName.text() + "'", interfaceName.span());
                continue;
            }
            for (PropertyDeclaration interfaceProperty : iface.properties()) {
                String name = interfaceProperty.nameText();
                contributions.computeIfAbsent(name, key -> new TreeSet<>())
                        .add(new ShapePropertyRef(iface.name().text(), name));
                contributors.computeIfAbsent(name, key -> new ArrayList<>()).add(interfaceProperty);
                Optional<PropertyDeclaration> existing = properties.stream()
                        .filter(p -> p.nameText().equals(name)).findFirst();
                if (existing.isPresent()) {
                    if (!existing.get().type().equals(interfaceProperty.type())) {
                        boolean writtenInNode = direct.containsKey(name);
                        report(SchemaCodes.INTERFACE_TYPE_MISMATCH, "node " + node.name().text() + " property '" + name
                                + "' has type " + existing.get().type().displayName() + " but interface "
                                + iface.name().text() + " declares it as " + interfaceProperty.type().displayName(),
                                writtenInNode ? existing.get().typeSpan() : interfaceName.span());
                    }
                } else {
                    properties.add(interfaceProperty);
                    firstImplementer.put(name, interfaceName);
                    direct.put(name, false);
                    injectedConstraints.addAll(desugar(List.of(interfaceProperty)));
                }
            }
        }
        for (Map.Entry<String, List<PropertyDeclaration>> entry : contributors.entrySet()) {
            List<PropertyDeclaration> candidates = entry.getValue();
            if (direct.getOrDefault(entry.getKey(), false) || candidates.size() < 2) {
                continue;
            }
            String first = ShapeCompiler.semanticKey(candidates.get(0));
            boolean typesAgree = candidates.stream().allMatch(c -> c.type().equals(candidates.get(0).type()));
            if (typesAgree && candidates.stream().anyMatch(c -> !ShapeCompiler.semanticKey(c).equals(first))) {
                report(SchemaCodes.INCOMPATIBLE_INTERFACE_CONTRIBUTIONS, "interfaces contributing '"
                        + node.name().text() + "." + entry.getKey() + "' have incompatible property semantics",
                        firstImplementer.getOrDefault(entry.getKey(), node.name()).span());
            }
        }
        Map<String, EffectiveNode.PropertyOrigin> origins = new LinkedHashMap<>();
        for (PropertyDeclaration property : properties) {
            String name = property.nameText();
            origins.putIfAbsent(name, new EffectiveNode.PropertyOrigin(direct.getOrDefault(name, true),
                    List.copyOf(contributions.getOrDefault(name, new TreeSet<>()))));
        }
        List<Constraint> sourceConstraints = new ArrayList<>(node.constraints());
        sourceConstraints.addAll(desugar(node.properties()));
        List<Constraint> constraints = new ArrayList<>(sourceConstraints);
        constraints.addAll(injectedConstraints);
        return new EffectiveNode(node, properties, origins, sourceConstraints, constraints);
    }

    /** Property-level {@code @key}/{@code @unique}/{@code @index} (without a value) as body constraints. */
    static List<Constraint> desugar(List<PropertyDeclaration> properties) {
        List<Constraint> constraints = new ArrayList<>();
        for (PropertyDeclaration property : properties) {
            for (Annotation annotation : property.annotations()) {
                if (annotation.hasValue()) {
                    continue;
                }
                // The field points at the annotation, so a rule broken by both the annotation and
                // its desugared constraint yields one identical diagnostic, reported once.
                List<Name> target = List.of(new Name(property.nameText(), annotation.span()));
                switch (annotation.name()) {
                    case "key" -> constraints.add(new Constraint.Key(target, annotation.span()));
                    case "unique" -> constraints.add(new Constraint.Unique(target, annotation.span()));
                    case "index" -> constraints.add(new Constraint.Index(target, annotation.span()));
                    default -> {
                    }
                }
            }
        }
        return constraints;
    }

    private void checkTypeAnnotations(List<Annotation> annotations, String target, String placeWord) {
        for (Annotation annotation : annotations) {
            if (TYPE_LEVEL_FORBIDDEN.contains(annotation.name())) {
                String message = placeWord.equals("edges")
                        ? "@" + annotation.name() + " is not supported on edges (" + target + ")"
                        : "@" + annotation.name() + " is only supported on node properties or as body constraint ("
                                + target + ")";
                report(SchemaCodes.ANNOTATION_NOT_ALLOWED_ON_TYPE, message, annotation.span());
            }
        }
        checkRenameHint(annotations, target);
        checkTextAnnotation(annotations, "description", target);
        checkTextAnnotation(annotations, "instruction", target);
    }

    /** {@code @rename_from("old")}: at most once, one non-empty positional value, no keyword arguments. */
    private void checkRenameHint(List<Annotation> annotations, String target) {
        boolean seen = false;
        for (Annotation annotation : annotations) {
            if (!annotation.name().equals("rename_from")) {
                continue;
            }
            if (seen) {
                report(SchemaCodes.DUPLICATE_ANNOTATION, target + " declares @rename_from multiple times",
                        annotation.span());
                continue;
            }
            seen = true;
            if (annotation.value() == null || annotation.value().isBlank()) {
                report(SchemaCodes.ANNOTATION_ARGUMENTS, "@rename_from on " + target
                        + " requires exactly one non-empty positional value", annotation.span());
            } else if (!annotation.kwargs().isEmpty()) {
                report(SchemaCodes.ANNOTATION_ARGUMENTS, "@rename_from on " + target
                        + " does not accept keyword arguments", annotation.span());
            }
        }
    }

    /** {@code @description}/{@code @instruction}: at most once, with a non-empty value. */
    private void checkTextAnnotation(List<Annotation> annotations, String name, String target) {
        boolean seen = false;
        for (Annotation annotation : annotations) {
            if (!annotation.name().equals(name)) {
                continue;
            }
            if (seen) {
                report(SchemaCodes.DUPLICATE_ANNOTATION, target + " declares @" + name + " multiple times",
                        annotation.span());
                continue;
            }
            seen = true;
            if (annotation.value() == null || annotation.value().isBlank()) {
                report(SchemaCodes.ANNOTATION_ARGUMENTS, "@" + name + " on " + target + " requires a non-empty value",
                        annotation.span());
            }
        }
    }

    private void checkPropertyAnnotations(PropertyDeclaration property, String typeName,
                                          List<PropertyDeclaration> siblings, boolean onEdge) {
        String target = typeName + "." + property.nameText();
        PropertyType type = property.type();
        checkTextAnnotation(property.annotations(), "description", "property " + target);
        checkRenameHint(property.annotations(), "property " + target);
        Set<String> seen = new TreeSet<>();
        for (Annotation annotation : property.annotations()) {
            String name = annotation.name();
            boolean structural = name.equals("key") || name.equals("unique") || name.equals("index")
                    || name.equals("embed");
            if (type.list() && structural) {
                report(SchemaCodes.UNSUPPORTED_PROPERTY_KIND, "@" + name + " is not supported on list property " + target,
                        annotation.span());
                continue;
            }
            if (type.isVector() && (name.equals("key") || name.equals("unique"))) {
                report(SchemaCodes.UNSUPPORTED_PROPERTY_KIND, "@" + name + " is not supported on vector property "
                        + target, annotation.span());
                continue;
            }
            if (type.isBlob() && structural) {
                report(SchemaCodes.UNSUPPORTED_PROPERTY_KIND, "@" + name + " is not supported on blob property " + target,
                        annotation.span());
                continue;
            }
            if (name.equals("instruction")) {
                report(SchemaCodes.ANNOTATION_NOT_ALLOWED_ON_PROPERTY,
                        "@instruction is only supported on node and edge types (property " + target + ")",
                        annotation.span());
                continue;
            }
            if (onEdge && (name.equals("key") || name.equals("embed"))) {
                report(SchemaCodes.ANNOTATION_NOT_ALLOWED_ON_PROPERTY, "@" + name
                        + " is not supported on edge properties (edge " + target + ")", annotation.span());
                continue;
            }
            if (!structural) {
                continue;
            }
            if (!seen.add(name)) {
                report(SchemaCodes.DUPLICATE_ANNOTATION, "property " + target + " declares @" + name + " multiple times",
                        annotation.span());
                continue;
            }
            if (name.equals("embed")) {
                checkEmbed(annotation, property, target, typeName, siblings);
            } else if (annotation.hasValue()) {
                report(SchemaCodes.ANNOTATION_ARGUMENTS, "@" + name + " on " + target + " does not accept a value",
                        annotation.span());
            }
        }
    }

    private void checkEmbed(Annotation annotation, PropertyDeclaration property, String target, String typeName,
                            List<PropertyDeclaration> siblings) {
        if (!property.type().isVector()) {
            report(SchemaCodes.INVALID_EMBED, "@embed is only supported on vector properties (" + target + ")",
                    annotation.span());
            return;
        }
        if (annotation.value() == null) {
            report(SchemaCodes.ANNOTATION_ARGUMENTS, "@embed on " + target + " requires a source property name",
                    annotation.span());
            return;
        }
        if (annotation.value().isBlank()) {
            report(SchemaCodes.ANNOTATION_ARGUMENTS, "@embed on " + target
                    + " requires a non-empty source property name", annotation.span());
            return;
        }
        Optional<PropertyDeclaration> sourceProperty = siblings.stream()
                .filter(p -> p.nameText().equals(annotation.value())).findFirst();
        if (sourceProperty.isEmpty()) {
            report(SchemaCodes.UNKNOWN_PROPERTY, "@embed on " + target + " references unknown source property "
                    + annotation.value(), annotation.span());
            return;
        }
        if (sourceProperty.get().type().base() != BaseType.STRING || sourceProperty.get().type().list()) {
            report(SchemaCodes.INVALID_EMBED, "@embed source property " + typeName + "." + annotation.value()
                    + " must be String", annotation.span());
            return;
        }
        for (String key : annotation.kwargs().keySet()) {
            if (!key.equals("model")) {
                report(SchemaCodes.ANNOTATION_ARGUMENTS, "@embed on " + target + " has unknown argument '" + key
                        + "=' (only 'model' is supported)", annotation.span());
            }
        }
    }

    private void checkConstraints(List<Constraint> constraints, List<PropertyDeclaration> properties, String typeName,
                                  boolean onEdge) {
        Map<String, PropertyDeclaration> byName = new HashMap<>();
        for (PropertyDeclaration property : properties) {
            byName.putIfAbsent(property.nameText(), property);
        }
        Constraint firstKey = constraints.stream().filter(Constraint.Key.class::isInstance)
                .min(Comparator.comparingInt(c -> c.span().start())).orElse(null);
        for (Constraint constraint : constraints) {
            String keyword = "@" + constraint.keyword();
            if (onEdge && !(constraint instanceof Constraint.Unique || constraint instanceof Constraint.Index)) {
                report(SchemaCodes.CONSTRAINT_NOT_ALLOWED_ON_EDGE, keyword
                        + " constraint is not supported on edges (edge " + typeName + ")", constraint.span());
                continue;
            }
            if (constraint instanceof Constraint.Key && constraint != firstKey) {
                report(SchemaCodes.MULTIPLE_KEYS, "node type " + typeName
                        + " has multiple @key constraints; only one is supported", constraint.span());
                continue;
            }
            for (Name field : constraint.properties()) {
                if (onEdge && (field.text().equals("src") || field.text().equals("dst"))) {
                    continue;
                }
                PropertyDeclaration property = byName.get(field.text());
                if (property == null) {
                    report(SchemaCodes.UNKNOWN_PROPERTY, keyword + " on " + typeName + " references unknown property '"
                            + field.text() + "'", field.span());
                    break;
                }
                if (!checkConstraintField(constraint, property, typeName, field)) {
                    break;
                }
            }
        }
    }

    /** Reports the first rule {@code field} breaks for {@code constraint}; true when it breaks none. */
    private boolean checkConstraintField(Constraint constraint, PropertyDeclaration property, String typeName,
                                         Name field) {
        String target = typeName + "." + field.text();
        PropertyType type = property.type();
        String keyword = "@" + constraint.keyword();
        String problem = null;
        String code = SchemaCodes.UNSUPPORTED_PROPERTY_KIND;
        if (constraint instanceof Constraint.Key) {
            if (type.nullable()) {
                problem = "@key property " + target + " cannot be nullable";
                code = SchemaCodes.NULLABLE_KEY;
            } else if (type.list()) {
                problem = "@key is not supported on list property " + target;
            } else if (type.isVector()) {
                problem = "@key is not supported on vector property " + target;
            } else if (type.isBlob()) {
                problem = "@key is not supported on blob property " + target;
            }
        } else if (constraint instanceof Constraint.Unique || constraint instanceof Constraint.Index) {
            if (type.isBlob()) {
                problem = keyword + " is not supported on blob property " + target;
            }
        } else if (constraint instanceof Constraint.Range) {
            if (!type.base().isNumeric() || type.isEnum()) {
                problem = "@range on " + target + " requires a numeric type, got " + type.displayName();
                code = SchemaCodes.CONSTRAINT_TYPE_MISMATCH;
            }
        } else if (type.base() != BaseType.STRING) {
            problem = "@check on " + target + " requires String type, got " + type.displayName();
            code = SchemaCodes.CONSTRAINT_TYPE_MISMATCH;
        }
        if (problem != null) {
            report(code, problem, field.span());
            return false;
        }
        return true;
    }

    private void report(String code, String message, Span span) {
        diagnostics.add(Diagnostic.error(code, message, span));
    }
}
