package dev.omnigraph.domain.schema;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A node type after interface expansion.
 *
 * @param properties        effective properties: the node's own in source order, then each injected
 *                          interface property in {@code implements} order (the storage column order)
 * @param origins           per effective property name, whether it is written in the node and which
 *                          interface properties it satisfies (sorted)
 * @param sourceConstraints body constraints plus those desugared from the node's own properties
 * @param constraints       {@code sourceConstraints} plus those desugared from injected properties
 */
public record EffectiveNode(NodeDeclaration declaration, List<PropertyDeclaration> properties,
                            Map<String, PropertyOrigin> origins, List<Constraint> sourceConstraints,
                            List<Constraint> constraints) {

    public EffectiveNode {
        Objects.requireNonNull(declaration, "declaration");
        properties = List.copyOf(properties);
        origins = Map.copyOf(origins);
        sourceConstraints = List.copyOf(sourceConstraints);
        constraints = List.copyOf(constraints);
    }

    /** Where an effective node property comes from. */
    public record PropertyOrigin(boolean declaredDirectly, List<ShapePropertyRef> interfaceProperties) {
        public PropertyOrigin {
            interfaceProperties = List.copyOf(interfaceProperties);
        }
    }

    public String name() {
        return declaration.name().text();
    }

    public Optional<PropertyDeclaration> property(String name) {
        return properties.stream().filter(p -> p.nameText().equals(name)).findFirst();
    }
}
