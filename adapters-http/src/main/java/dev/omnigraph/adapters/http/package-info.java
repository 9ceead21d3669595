/**
 * The HTTP API on Micronaut: what bootstrap needs to serve a {@link dev.omnigraph.ports.in.ServeGraphsUseCase}
 * over HTTP ({@link dev.omnigraph.adapters.http.HttpServerStarter}, its settings and the running-server
 * handle). The routes, wire records and error rendering live in {@code routes}; the API description in
 * {@code openapi}. Public types speak graph vocabulary only.
 *
 * <p>Layer: adapter (driving). Allowed dependencies: ports, domain, Micronaut HTTP and serde.
 */
package dev.omnigraph.adapters.http;
