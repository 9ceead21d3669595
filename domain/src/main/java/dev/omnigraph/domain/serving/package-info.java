/**
 * What the served API says to a caller, independent of the wire: who is calling ({@link
 * dev.omnigraph.domain.serving.Caller}), and the refusals every front door (HTTP, gRPC) reports with the
 * reference's status, stable code and detail ({@link dev.omnigraph.domain.serving.ApiError}). The mapping
 * from engine failures to API errors is a pure function here, so HTTP and gRPC cannot disagree.
 *
 * <p>Layer: domain. Allowed dependencies: the JDK, {@code dev.omnigraph.domain.graph}.
 */
package dev.omnigraph.domain.serving;
