/**
 * The gRPC API ({@code omnigraph.v1.GraphService}, the contract in {@code src/main/proto}) on micronaut-grpc:
 * what bootstrap needs to serve a {@link dev.omnigraph.ports.in.ServeGraphsUseCase} over gRPC
 * ({@link dev.omnigraph.adapters.grpc.GrpcServerStarter}, its settings and the running-server handle). The
 * service implementation, error mapping and streaming live in {@code service}; the generated messages and
 * stubs in {@code v1}. The same use case serves HTTP, so authentication, authorization, runtime states and
 * quarantine are one implementation.
 *
 * <p>Layer: adapter (driving). Allowed dependencies: ports, domain, micronaut-grpc, grpc-java, protobuf.
 */
package dev.omnigraph.adapters.grpc;
