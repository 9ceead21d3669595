/**
 * Driven adapter for authorization: the {@code PolicyEngine} port on cedar-java. Bundles are compiled from
 * the Cedar text the domain generates ({@code dev.omnigraph.domain.policy.CedarPolicyText}), strictly
 * validated against its schema, and evaluated with the native Cedar authorizer; reached through
 * {@link dev.omnigraph.adapters.policy.PolicyEngines}.
 *
 * <p>Layer: adapter (driven). Allowed dependencies: ports, domain, cedar-java. Never another adapter module.
 */
package dev.omnigraph.adapters.policy;
