/**
 * The implementation of {@code omnigraph.v1.GraphService}: one method per RPC, each a translation of the
 * request into a {@link dev.omnigraph.ports.in.ServeGraphsUseCase} call and of its result (or refusal) back
 * into messages and statuses. Bearer tokens arrive as {@code authorization} metadata and go to the use case
 * untouched; the adapter never decides access. Streaming answers honour client flow control and
 * cancellation (a cancelled export stops reading); unary calls whose deadline already passed are not run.
 * Also here: the server-reflection services. Everything is package-private.
 *
 * <p>Layer: adapter (driving). Allowed dependencies: ports, domain, micronaut-grpc, grpc-java, protobuf and
 * the generated {@code v1} package.
 */
package dev.omnigraph.adapters.grpc.service;
