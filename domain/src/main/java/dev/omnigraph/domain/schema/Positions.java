package dev.omnigraph.domain.schema;

import dev.omnigraph.domain.lang.Span;

/** The placeholder span that {@code withoutPositions()} copies carry, so trees compare by content. */
public final class Positions {

    private Positions() {
    }

    public static final Span NONE = new Span("", 0, 0, 1, 1);
}
