package dev.omnigraph.domain.policy;

import java.util.Objects;

/**
 * One Cedar {@code permit} compiled from one (rule, action) pair of a bundle. {@code policyId} is unique
 * within a compiled bundle ({@code <rule id>:<action>}) and is the id an engine should give the policy, so
 * the policies a Cedar answer names map back to {@code ruleId}.
 */
public record CedarPermit(String policyId, String ruleId, PolicyAction action, String text) {

    public CedarPermit {
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(text, "text");
    }
}
