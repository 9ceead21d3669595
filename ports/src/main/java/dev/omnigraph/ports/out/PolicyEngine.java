package dev.omnigraph.ports.out;

import dev.omnigraph.domain.policy.PolicyBundle;
import dev.omnigraph.domain.policy.PolicyScope;

/**
 * Compiles validated policy bundles into deciders that answer authorization questions, the way the domain's
 * Cedar translation ({@link dev.omnigraph.domain.policy.CedarPolicyText}) spells them: one permit per
 * (rule, action), strictly validated against the Omnigraph schema; actors that belong to no group are
 * answered {@code UnknownActor} without evaluating any rule.
 *
 * <p>Contract: compiling is pure with respect to its arguments (no I/O, no shared state; the same bundle and
 * scope always give a decider that answers the same), may be slow (engine set-up, validation) and is meant
 * to run once per scope at server start. Thread-safe.
 */
public interface PolicyEngine {

    /**
     * @throws PolicyCompilationException when the bundle does not fit the scope's kind (a {@code graph_list}
     *     rule compiled for a graph, a per-graph rule for the server) or the engine rejects the generated
     *     policies; the message says why
     */
    PolicyDecider compile(PolicyBundle bundle, PolicyScope scope);
}
