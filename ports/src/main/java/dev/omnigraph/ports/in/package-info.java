/**
 * Driving ports: one {@code <Verb><Noun>UseCase} interface per use case, with its self-validating
 * {@code …Command} and {@code …Result} records. The CLI, HTTP and gRPC adapters call only these.
 *
 * <p>Layer: ports. Allowed dependencies: {@code dev.omnigraph.domain}, the JDK, the SLF4J API.
 */
package dev.omnigraph.ports.in;
