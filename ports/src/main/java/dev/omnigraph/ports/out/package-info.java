/**
 * Driven ports (the SPI adopters implement): capability nouns such as {@link dev.omnigraph.ports.out.ObjectStore}.
 * Every method's Javadoc states atomicity, idempotence, threading and failure types; every port has an
 * abstract conformance suite in this module's test-jar that each adapter must pass.
 *
 * <p>Layer: ports. Allowed dependencies: {@code dev.omnigraph.domain}, the JDK, the SLF4J API.
 */
package dev.omnigraph.ports.out;
