/**
 * Access control for a served cluster: loading the bearer tokens from the process environment (once, at
 * start, hashed immediately) and authorizing each request against the policy decider compiled for its
 * scope, through the domain's decision ({@link dev.omnigraph.domain.policy.Authorization}), logging every
 * decision. Reads no file itself: the caller supplies the environment and a file reader, and policies are
 * compiled by the {@link dev.omnigraph.ports.out.PolicyEngine} port.
 *
 * <p>Layer: application. Allowed dependencies: {@code dev.omnigraph.domain}, {@code dev.omnigraph.ports},
 * the JDK, the SLF4J API.
 */
package dev.omnigraph.application.access;
