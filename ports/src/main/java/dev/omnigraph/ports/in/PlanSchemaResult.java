package dev.omnigraph.ports.in;

import dev.omnigraph.domain.schema.migration.MigrationPlan;

/** The plan ({@code {supported, steps[]}}), returned even when unsupported. */
public record PlanSchemaResult(String base, String target, MigrationPlan plan) {}
