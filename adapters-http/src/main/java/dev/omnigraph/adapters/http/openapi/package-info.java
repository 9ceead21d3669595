/**
 * The API description served at {@code /openapi.json}, produced at runtime from the routes the server
 * really has: every route carrying {@link dev.omnigraph.adapters.http.openapi.ApiOperation} is described,
 * with its path and query parameters read from the route and its body shapes read from the wire records
 * named on the annotation. A route that is not registered cannot be described, so the document never
 * promises a capability the server lacks.
 *
 * <p>Layer: adapter (driving). Allowed dependencies: domain (JSON tree), Micronaut router metadata.
 */
package dev.omnigraph.adapters.http.openapi;
