/**
 * A small immutable JSON value model and its canonical writers.
 *
 * <p>Domain objects that have a persisted JSON shape (SchemaIR, migration plans, state envelopes)
 * serialise to and from {@link dev.omnigraph.domain.json.JsonValue} trees; turning text into trees
 * is an adapter's job (Jackson), so this package has no parser. {@link JsonWriter#compact} writes
 * the exact bytes the reference's {@code serde_json::to_string} writes for the same tree, which is
 * what the reference's content hashes are computed over; {@link JsonWriter#pretty} matches
 * {@code serde_json::to_string_pretty}.
 *
 * <p>Layer: domain. Allowed dependencies: the JDK allow-list only ({@code java.lang},
 * {@code java.util}, {@code java.math}) and {@link dev.omnigraph.domain.lang} for the exception base.
 */
package dev.omnigraph.domain.json;
