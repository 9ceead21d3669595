package dev.omnigraph.ports.out;

import dev.omnigraph.domain.policy.AccessRequest;
import dev.omnigraph.domain.policy.PolicyScope;
import dev.omnigraph.domain.policy.PolicyVerdict;

/**
 * One compiled bundle, governing one {@link PolicyScope}: answers whether an actor may perform an action,
 * and which rule allowed it.
 *
 * <p>Contract: {@link #evaluate} answers {@code Permitted(rule id)} when some rule allows the request (the
 * least rule id when several do), {@code NotPermitted} when none does, and {@code UnknownActor} for an actor
 * in no group of the bundle; never {@code EvaluationFailed} (a failure is thrown). Answers depend only on the
 * request (no state, no I/O). Immutable and thread-safe; evaluation is fast enough to run on every request.
 */
public interface PolicyDecider {

    /** The scope this decider was compiled for. */
    PolicyScope scope();

    /**
     * @param request a request with an actor, whose action is of this decider's scope kind
     * @throws IllegalArgumentException when the request has no actor or its action belongs to another scope
     *     kind: callers decide those cases themselves ({@link dev.omnigraph.domain.policy.Authorization})
     * @throws PolicyEvaluationException when the engine cannot evaluate the request
     */
    PolicyVerdict evaluate(AccessRequest request);
}
