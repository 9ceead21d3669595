/**
 * The gRPC API ({@code omnigraph.v1.GraphService}): the same use cases, authorization and quarantine as
 * HTTP, with typed stubs and streaming.
 *
 * <p>Layer: adapter (driving). Allowed dependencies: ports, domain, micronaut-grpc.
 */
package dev.omnigraph.adapters.grpc;
