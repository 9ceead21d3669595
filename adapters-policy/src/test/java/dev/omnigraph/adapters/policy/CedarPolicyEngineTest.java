package dev.omnigraph.adapters.policy;

import dev.omnigraph.ports.out.PolicyEngine;
import dev.omnigraph.ports.out.PolicyEngineContract;

/** The Cedar adapter against the policy engine conformance suite. */
class CedarPolicyEngineTest extends PolicyEngineContract {

    private static final PolicyEngine CEDAR = PolicyEngines.cedar();

    @Override
    protected PolicyEngine engine() {
        return CEDAR;
    }
}
