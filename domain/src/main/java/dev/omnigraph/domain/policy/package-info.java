/**
 * Authorization as values: the policy action vocabulary ({@link dev.omnigraph.domain.policy.PolicyAction}),
 * the policy bundle file ({@code *.policy.yaml}) read strictly into a validated
 * {@link dev.omnigraph.domain.policy.PolicyBundle}, its translation into Cedar policy text and the Cedar
 * schema it is validated against ({@link dev.omnigraph.domain.policy.CedarPolicyText}), the request an
 * authorization check asks about ({@link dev.omnigraph.domain.policy.AccessRequest}), and the decision the
 * server takes from the runtime state and an engine's verdict
 * ({@link dev.omnigraph.domain.policy.Authorization}), with the reference's exact denial messages.
 *
 * <p>Evaluating Cedar itself is a driven port's job ({@code dev.omnigraph.ports.out.PolicyEngine}); this
 * package only produces the text the engine evaluates and consumes the verdict it returns.
 *
 * <p>Layer: domain. Allowed dependencies: the JDK allow-list, {@code dev.omnigraph.domain.json} and the
 * strict document reader of {@code dev.omnigraph.domain.cluster} (the cluster packages never depend on this
 * one).
 */
package dev.omnigraph.domain.policy;
