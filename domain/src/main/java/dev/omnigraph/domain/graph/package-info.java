/**
 * The graph's versioned state as the reference lays it out: table identities and locations, the rows of
 * the {@code __manifest} (registrations, published table versions, tombstones, commits, branch heads),
 * snapshot reconstruction, commit lineage and branch naming rules. Pure values and functions.
 *
 * <p>Layer: domain. Allowed dependencies: the JDK allow-list, {@code dev.omnigraph.domain.json}.
 */
package dev.omnigraph.domain.graph;
