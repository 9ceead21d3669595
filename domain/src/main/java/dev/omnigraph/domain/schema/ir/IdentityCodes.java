package dev.omnigraph.domain.schema.ir;

/** Stable codes of schema identity failures (documented in {@code docs/schema-language.md}). */
public final class IdentityCodes {

    private IdentityCodes() {
    }

    /** A desired declaration cannot be matched to accepted identity as its hints ask. */
    public static final String RESOLUTION_FAILED = "S201";
    /** The shared identity allocator has no values left. */
    public static final String ALLOCATOR_EXHAUSTED = "S202";
    /** Persisted or hand-built IR violates an identity invariant. */
    public static final String INVALID_IR = "S203";
    /** Desired IR changes, regresses or reuses identity relative to the accepted IR. */
    public static final String EVOLUTION_VIOLATION = "S204";
    /** An identity domain that is not a canonical upper-case ULID. */
    public static final String INVALID_DOMAIN = "S205";
}
