/**
 * Turning graph data (the JSONL envelope of the reference: {@code {"type":…,"data":…}} and
 * {@code {"edge":…,"from":…,"to":…,"data":…}}) into typed, validated entities and back: value coding
 * per property type, key-derived ids, and every per-record constraint check (types, required, enum,
 * {@code @range}, {@code @check}). Checks that need stored data (uniqueness against committed rows,
 * dangling endpoints, cardinality) are decided here from facts the caller supplies.
 *
 * <p>Layer: domain. Allowed dependencies: the JDK allow-list, {@code dev.omnigraph.domain.json},
 * {@code dev.omnigraph.domain.schema}.
 */
package dev.omnigraph.domain.graph.load;
