package dev.omnigraph.adapters.policy;

import dev.omnigraph.ports.out.PolicyEngine;

/** Factory of the policy engine; the Cedar classes themselves stay package-private. */
public final class PolicyEngines {

    private PolicyEngines() {
    }

    /**
     * The Cedar engine (thread-safe, shareable). Loads the native Cedar library on first use; a platform
     * without one fails there with a {@code PolicyCompilationException}.
     */
    public static PolicyEngine cedar() {
        return new CedarPolicyEngine();
    }
}
