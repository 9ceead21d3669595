package dev.omnigraph.domain.access;

/**
 * How a started server treats requests, fixed at start from whether bearer tokens and policy bundles are
 * configured.
 *
 * <ul>
 *   <li>{@link #OPEN}: no tokens, no bundle, explicit opt-in; every per-graph request is allowed without a
 *   token (the registry listing stays closed).</li>
 *   <li>{@link #DEFAULT_DENY}: tokens but no bundle; a valid token is required and only {@code read} is
 *   allowed.</li>
 *   <li>{@link #POLICY_ENABLED}: tokens and at least one bundle; scopes with a bundle are decided by Cedar,
 *   scopes without one behave as default-deny.</li>
 * </ul>
 */
public enum RuntimeState {
    OPEN,
    DEFAULT_DENY,
    POLICY_ENABLED
}
