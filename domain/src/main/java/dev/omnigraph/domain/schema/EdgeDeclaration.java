package dev.omnigraph.domain.schema;

import dev.omnigraph.domain.lang.Span;

import java.util.List;
import java.util.Objects;

/**
 * {@code edge Name: From -> To [@card(min..max)] annotation* [{ (property | constraint)* }]}.
 * {@code cardinality} is the effective one ({@link Cardinality#DEFAULT} when not written), so a
 * tree printed without a default {@code @card} re-parses equal.
 */
public record EdgeDeclaration(Name name, Name fromType, Name toType, Cardinality cardinality,
                              List<Annotation> annotations, List<PropertyDeclaration> properties,
                              List<Constraint> constraints, Span span) implements Declaration {

    public EdgeDeclaration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fromType, "fromType");
        Objects.requireNonNull(toType, "toType");
        Objects.requireNonNull(cardinality, "cardinality");
        annotations = List.copyOf(annotations);
        properties = List.copyOf(properties);
        constraints = List.copyOf(constraints);
        Objects.requireNonNull(span, "span");
    }

    @Override
    public TypeKind kind() {
        return TypeKind.EDGE;
    }

    @Override
    public EdgeDeclaration withoutPositions() {
        return new EdgeDeclaration(name.withoutPositions(), fromType.withoutPositions(), toType.withoutPositions(),
                cardinality, annotations.stream().map(Annotation::withoutPositions).toList(),
                properties.stream().map(PropertyDeclaration::withoutPositions).toList(),
                constraints.stream().map(Constraint::withoutPositions).toList(), Positions.NONE);
    }
}
