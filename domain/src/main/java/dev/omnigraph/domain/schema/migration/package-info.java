/**
 * Schema migration planning: accepted {@link dev.omnigraph.domain.schema.ir.SchemaIr} + desired
 * IR (resolved against it) → {@link dev.omnigraph.domain.schema.migration.MigrationPlan}, with the
 * reference's step kinds, JSON shape ({@code kind} tags, snake_case) and OG-MF codes.
 *
 * <p>Planning is a pure decision: it never touches data. Unsupported changes are steps (they make
 * the plan unsupported); identity violations are {@link dev.omnigraph.domain.schema.ir.SchemaIdentityException}s.
 *
 * <p>Layer: domain. Allowed dependencies: the JDK allow-list only, {@link dev.omnigraph.domain.lang},
 * {@link dev.omnigraph.domain.json}, {@link dev.omnigraph.domain.schema} and
 * {@link dev.omnigraph.domain.schema.ir}.
 */
package dev.omnigraph.domain.schema.migration;
