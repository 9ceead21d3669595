/**
 * Serving a cluster's applied revision: the boot that turns the serving snapshot into served graphs
 * (quarantining the broken ones, refusing to start on cluster-global problems), and the one
 * implementation of {@link dev.omnigraph.ports.in.ServeGraphsUseCase} both front doors (HTTP, gRPC)
 * call: authenticate, authorize, admit, then run the engine use case and translate its failures into
 * {@link dev.omnigraph.domain.serving.ApiError}s.
 *
 * <p>Layer: application. Allowed dependencies: {@code dev.omnigraph.domain}, {@code dev.omnigraph.ports},
 * the other application packages, the JDK, the SLF4J API.
 */
package dev.omnigraph.application.serving;
