package dev.omnigraph.ports.in;

import dev.omnigraph.domain.Arguments;

/**
 * @param configDir the directory holding {@code cluster.yaml}
 * @param resource the gated change's resource address ({@code graph.people})
 * @param approver who approves (required: an approval without an approver authorises nothing)
 */
public record ApproveClusterChangeCommand(String configDir, String resource, String approver) {
    public ApproveClusterChangeCommand {
        Arguments.requireText(configDir, "config directory");
        Arguments.requireText(resource, "resource");
        Arguments.requireText(approver, "approver");
    }
}
