package dev.omnigraph.domain.graph.recovery;

import java.util.Optional;

/**
 * The writer that armed a sidecar. It selects how the sweep judges the writer's table effects
 * ({@link #classificationMode()}) and is recorded in the audit row.
 */
public enum WriterKind {
    /** A {@code .gq} mutation: one exact commit per touched table. */
    MUTATION("Mutation", ClassificationMode.EXACT_EFFECT),
    /** A JSONL load: the same staged-write path as a mutation, told apart only for the audit. */
    LOAD("Load", ClassificationMode.EXACT_EFFECT),
    /** A schema apply's table rewrites. */
    SCHEMA_APPLY("SchemaApply", ClassificationMode.EXACT_EFFECT),
    /** A branch merge: several commits per table, ending at a recorded confirmed version. */
    BRANCH_MERGE("BranchMerge", ClassificationMode.CONFIRMED),
    /** Index reconciliation. */
    ENSURE_INDICES("EnsureIndices", ClassificationMode.EXACT_EFFECT),
    /** Compaction: content-preserving, so any advance past the pin may roll forward. */
    OPTIMIZE("Optimize", ClassificationMode.LOOSE);

    private final String jsonName;
    private final ClassificationMode classificationMode;

    WriterKind(String jsonName, ClassificationMode classificationMode) {
        this.jsonName = jsonName;
        this.classificationMode = classificationMode;
    }

    /** The spelling in sidecars and in the audit table's {@code sidecar_writer_kind} column. */
    public String jsonName() {
        return jsonName;
    }

    /** How the sweep judges this writer's table effects in a schema-v9 sidecar. */
    public ClassificationMode classificationMode() {
        return classificationMode;
    }

    public static Optional<WriterKind> fromJsonName(String name) {
        for (WriterKind kind : values()) {
            if (kind.jsonName.equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
