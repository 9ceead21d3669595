package dev.omnigraph.ports.in;

import dev.omnigraph.domain.Arguments;

/**
 * @param configDir the directory holding {@code cluster.yaml}
 * @param lockId the exact id of the lock to remove (from {@code cluster status})
 */
public record ForceUnlockClusterCommand(String configDir, String lockId) {
    public ForceUnlockClusterCommand {
        Arguments.requireText(configDir, "config directory");
        Arguments.requireText(lockId, "lock id");
    }
}
