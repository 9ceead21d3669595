package dev.omnigraph.ports.in;

/**
 * Plans the migration from an accepted schema (a graph's, or an old {@code .pg} file offline) to a new
 * {@code .pg}, without writing anything.
 */
public interface PlanSchemaUseCase {
    PlanSchemaResult planSchema(PlanSchemaCommand command);
}
