package dev.omnigraph.ports.in;

/**
 * Evolves a live graph's accepted schema to a new {@code .pg} (engine notes §4.3). The schema is
 * graph-global, so an apply is refused ({@code conflict}) while any branch other than {@code main}
 * exists; an unsupported plan is refused ({@code bad_request}) with its first {@code [code] reason}.
 * An apply with steps publishes exactly one commit on {@code main}; one without steps publishes nothing.
 */
public interface ApplySchemaUseCase {

    /** Plans and applies the migration: table effects, schema files and one manifest publish. */
    ApplySchemaResult applySchema(ApplySchemaCommand command);

    /**
     * Runs exactly the apply's planning path, refusals included, and writes nothing; the result is never
     * {@code applied}.
     */
    ApplySchemaResult previewSchemaApply(ApplySchemaCommand command);
}
