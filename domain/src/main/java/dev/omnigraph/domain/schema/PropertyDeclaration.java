package dev.omnigraph.domain.schema;

import dev.omnigraph.domain.lang.Span;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code name: Type @annotation…} inside an interface, node or edge. */
public record PropertyDeclaration(Name name, PropertyType type, Span typeSpan, List<Annotation> annotations,
                                  Span span) {

    public PropertyDeclaration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(typeSpan, "typeSpan");
        annotations = List.copyOf(annotations);
        Objects.requireNonNull(span, "span");
    }

    public String nameText() {
        return name.text();
    }

    /** The first annotation called {@code annotationName}. */
    public Optional<Annotation> annotation(String annotationName) {
        return annotations.stream().filter(a -> a.name().equals(annotationName)).findFirst();
    }

    public boolean hasAnnotation(String annotationName) {
        return annotation(annotationName).isPresent();
    }

    public PropertyDeclaration withoutPositions() {
        return new PropertyDeclaration(name.withoutPositions(), type, Positions.NONE,
                annotations.stream().map(Annotation::withoutPositions).toList(), Positions.NONE);
    }
}
