package dev.omnigraph.domain.cluster.serving;

import dev.omnigraph.domain.Arguments;

import java.util.List;
import java.util.Objects;

/**
 * One applied policy bundle: its verified source (content, not a location, so the server never re-reads
 * mutable storage) and its applied bindings ({@code cluster} or {@code graph.<id>}), with the bindings
 * to quarantined graphs already dropped (never empty: a bundle left with none is not served).
 */
public record ServingPolicy(String name, String source, List<String> appliesTo) {

    public ServingPolicy {
        Arguments.requireText(name, "policy name");
        Objects.requireNonNull(source, "source");
        appliesTo = List.copyOf(appliesTo);
        if (appliesTo.isEmpty()) {
            throw new IllegalArgumentException("a served policy binds at least one scope");
        }
    }
}
