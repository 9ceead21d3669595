/**
 * The HTTP API on Micronaut: controllers for {@code /healthz}, {@code /graphs} and {@code /graphs/{id}/…},
 * bearer authentication, error mapping to {@code {"error","code"}} bodies, the OpenAPI document. Public types
 * speak graph vocabulary only.
 *
 * <p>Layer: adapter (driving). Allowed dependencies: ports, domain, Micronaut HTTP and serde.
 */
package dev.omnigraph.adapters.http;
