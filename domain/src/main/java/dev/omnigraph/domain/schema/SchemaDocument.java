package dev.omnigraph.domain.schema;

import java.util.List;

/** A parsed {@code .pg} file: its declarations in source order. Comments are not kept. */
public record SchemaDocument(List<Declaration> declarations) {

    public SchemaDocument {
        declarations = List.copyOf(declarations);
    }

    public List<InterfaceDeclaration> interfaces() {
        return declarations.stream().filter(InterfaceDeclaration.class::isInstance)
                .map(InterfaceDeclaration.class::cast).toList();
    }

    public List<NodeDeclaration> nodes() {
        return declarations.stream().filter(NodeDeclaration.class::isInstance)
                .map(NodeDeclaration.class::cast).toList();
    }

    public List<EdgeDeclaration> edges() {
        return declarations.stream().filter(EdgeDeclaration.class::isInstance)
                .map(EdgeDeclaration.class::cast).toList();
    }

    /** A copy with every span replaced by {@link Positions#NONE}: equal copies mean equal content. */
    public SchemaDocument withoutPositions() {
        return new SchemaDocument(declarations.stream().map(Declaration::withoutPositions).toList());
    }
}
