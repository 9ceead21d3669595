package dev.omnigraph.domain.query.parse;

import dev.omnigraph.domain.lang.Span;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where each syntax-tree node came from. Keyed by node identity (not equality), because two equal
 * nodes at different places are different occurrences; the tree itself stays position-free so that
 * parse → print → parse yields an {@code equals} tree.
 *
 * <p>Filled by the parser only; read-only for everyone else.
 */
public final class SourcePositions {
    private final Map<Object, Span> spans = new IdentityHashMap<>();

    /** An empty table, for trees built in code rather than parsed. */
    public static SourcePositions none() {
        return new SourcePositions();
    }

    void record(Object node, Span span) {
        spans.put(Objects.requireNonNull(node, "node"), Objects.requireNonNull(span, "span"));
    }

    /** The span of this exact node occurrence, if it was parsed from text. */
    public Optional<Span> spanOf(Object node) {
        return Optional.ofNullable(spans.get(node));
    }

    /** The span of {@code node}, else of {@code fallback}, else {@code null} (a location-free diagnostic). */
    public Span spanOr(Object node, Object fallback) {
        Span span = spans.get(node);
        if (span == null && fallback != null) {
            span = spans.get(fallback);
        }
        return span;
    }
}
