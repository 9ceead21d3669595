package dev.omnigraph.domain.schema;

import dev.omnigraph.domain.lang.SourceFile;
import dev.omnigraph.domain.lang.Span;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A schema that passed every rule of {@link SchemaValidator}: its source, syntax tree, effective
 * node types (interfaces expanded) and canonical {@link SchemaShape}. Only the validator creates
 * instances, so holding one proves the schema is acceptable.
 */
public final class ValidatedSchema {

    private final SourceFile source;
    private final SchemaDocument document;
    private final List<EffectiveNode> nodes;
    private final SchemaShape shape;

    ValidatedSchema(SourceFile source, SchemaDocument document, List<EffectiveNode> nodes, SchemaShape shape) {
        this.source = Objects.requireNonNull(source, "source");
        this.document = Objects.requireNonNull(document, "document");
        this.nodes = List.copyOf(nodes);
        this.shape = Objects.requireNonNull(shape, "shape");
    }

    public SourceFile source() {
        return source;
    }

    public SchemaDocument document() {
        return document;
    }

    /** Node types after interface expansion, in source order. */
    public List<EffectiveNode> nodes() {
        return nodes;
    }

    public Optional<EffectiveNode> node(String name) {
        return nodes.stream().filter(node -> node.name().equals(name)).findFirst();
    }

    public List<EdgeDeclaration> edges() {
        return document.edges();
    }

    public List<InterfaceDeclaration> interfaces() {
        return document.interfaces();
    }

    public SchemaShape shape() {
        return shape;
    }

    /** Where the declaration of the {@code kind} type {@code name} is, for diagnostics about it. */
    public Optional<Span> typeSpan(TypeKind kind, String name) {
        return document.declarations().stream()
                .filter(d -> d.kind() == kind && d.name().text().equals(name))
                .map(d -> d.name().span()).findFirst();
    }

    /** Where the property {@code property} of the {@code kind} type {@code owner} is declared. */
    public Optional<Span> propertySpan(TypeKind kind, String owner, String property) {
        if (kind == TypeKind.NODE) {
            return node(owner).flatMap(node -> node.property(property)).map(p -> p.name().span());
        }
        return document.declarations().stream()
                .filter(d -> d.kind() == kind && d.name().text().equals(owner))
                .flatMap(d -> d.properties().stream())
                .filter(p -> p.nameText().equals(property))
                .map(p -> p.name().span()).findFirst();
    }
}
