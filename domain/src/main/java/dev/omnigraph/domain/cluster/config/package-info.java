/**
 * {@code cluster.yaml}: the declared configuration as immutable values, its strict reader over a
 * generic document tree (the YAML adapter hands over a {@link dev.omnigraph.domain.json.JsonValue}
 * tree; this package never sees bytes except for the duplicate-key scan of the raw text), the
 * validation that needs no referenced file, and the assembly of the desired cluster (resource
 * digests, dependency edges, config digest) once the application has read the referenced files.
 *
 * <p>Layer: domain. Allowed dependencies: the JDK allow-list, {@code dev.omnigraph.domain.json},
 * {@code dev.omnigraph.domain.lang}, {@code dev.omnigraph.domain.cluster}.
 */
package dev.omnigraph.domain.cluster.config;
