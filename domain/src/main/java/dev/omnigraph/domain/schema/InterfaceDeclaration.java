package dev.omnigraph.domain.schema;

import dev.omnigraph.domain.lang.Span;

import java.util.List;
import java.util.Objects;

/** {@code interface Name { property* }}: a property contract nodes can implement. */
public record InterfaceDeclaration(Name name, List<PropertyDeclaration> properties, Span span)
        implements Declaration {

    public InterfaceDeclaration {
        Objects.requireNonNull(name, "name");
        properties = List.copyOf(properties);
        Objects.requireNonNull(span, "span");
    }

    @Override
    public TypeKind kind() {
        return TypeKind.INTERFACE;
    }

    @Override
    public InterfaceDeclaration withoutPositions() {
        return new InterfaceDeclaration(name.withoutPositions(),
                properties.stream().map(PropertyDeclaration::withoutPositions).toList(), Positions.NONE);
    }
}
