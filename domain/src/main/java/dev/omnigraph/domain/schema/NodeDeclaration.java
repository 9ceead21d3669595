package dev.omnigraph.domain.schema;

import dev.omnigraph.domain.lang.Span;

import java.util.List;
import java.util.Objects;

/**
 * {@code node Name annotation* [implements I, …] { (property | constraint)* }} as written:
 * properties and body constraints keep their source order within their own lists.
 */
public record NodeDeclaration(Name name, List<Annotation> annotations, List<Name> implementedInterfaces,
                              List<PropertyDeclaration> properties, List<Constraint> constraints, Span span)
        implements Declaration {

    public NodeDeclaration {
        Objects.requireNonNull(name, "name");
        annotations = List.copyOf(annotations);
        implementedInterfaces = List.copyOf(implementedInterfaces);
        properties = List.copyOf(properties);
        constraints = List.copyOf(constraints);
        Objects.requireNonNull(span, "span");
    }

    @Override
    public TypeKind kind() {
        return TypeKind.NODE;
    }

    @Override
    public NodeDeclaration withoutPositions() {
        return new NodeDeclaration(name.withoutPositions(),
                annotations.stream().map(Annotation::withoutPositions).toList(),
                implementedInterfaces.stream().map(Name::withoutPositions).toList(),
                properties.stream().map(PropertyDeclaration::withoutPositions).toList(),
                constraints.stream().map(Constraint::withoutPositions).toList(), Positions.NONE);
    }
}
