/**
 * The result of a read query as values: named, typed columns and rows of typed property values, and
 * their JSON spelling (the reference's {@code to_sdk_json}: one object per row, JS-safe integers).
 *
 * <p>Layer: domain. Allowed dependencies: the JDK allow-list, {@code dev.omnigraph.domain.json},
 * {@code dev.omnigraph.domain.query.typecheck} (value types),
 * {@code dev.omnigraph.domain.query.descriptor} (the client value vocabulary) and
 * {@code dev.omnigraph.domain.graph.load.PropertyValues} (the one spelling of dates and times).
 */
package dev.omnigraph.domain.query.result;
