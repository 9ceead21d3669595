/**
 * Application services: implement the use cases of {@code dev.omnigraph.ports.in} by combining domain
 * decisions with driven ports. They orchestrate; they perform no I/O of their own (every byte goes
 * through a driven port).
 *
 * <p>Layer: application. Allowed dependencies: {@code dev.omnigraph.domain}, {@code dev.omnigraph.ports},
 * the JDK, the SLF4J API.
 */
package dev.omnigraph.application;
