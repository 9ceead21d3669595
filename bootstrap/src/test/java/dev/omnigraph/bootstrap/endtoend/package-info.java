/**
 * End-to-end tests of the built distribution: they run {@code bin/omnigraph} and {@code bin/omnigraph-server}
 * as separate processes (exactly what a user runs) and talk to the server with a real HTTP client and, for
 * the gRPC door, the generated {@code omnigraph.v1} stubs. They run in Maven's integration-test phase
 * ({@code *IT}), after the distribution is packaged.
 */
package dev.omnigraph.bootstrap.endtoend;
