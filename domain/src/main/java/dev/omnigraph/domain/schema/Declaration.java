package dev.omnigraph.domain.schema;

import dev.omnigraph.domain.lang.Span;

import java.util.List;

/** One top-level declaration of a {@code .pg} file. */
public sealed interface Declaration
        permits InterfaceDeclaration, NodeDeclaration, EdgeDeclaration {

    Name name();

    /** The declared properties as written (for nodes: without interface-injected ones). */
    List<PropertyDeclaration> properties();

    /** {@code interface}, {@code node} or {@code edge}. */
    TypeKind kind();

    Span span();

    Declaration withoutPositions();
}
