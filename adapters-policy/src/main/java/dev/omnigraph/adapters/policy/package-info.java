/**
 * Driven adapter for authorization: the {@code PolicyEngine} port on cedar-java.
 *
 * <p>Layer: adapter (driven). Allowed dependencies: ports, domain, cedar-java. Never another adapter module.
 */
package dev.omnigraph.adapters.policy;
