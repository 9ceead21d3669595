package dev.omnigraph.domain.access;

import java.util.Optional;

/**
 * Classifies a server's configuration into its runtime state before any graph is opened. The two refusals
 * exist so that a server never starts in a shape that is almost certainly a mistake: fully open without the
 * operator saying so, or with policies but no token that could ever authenticate (every request a 401).
 *
 * <pre>
 * tokens  policy  opt-in  result
 * no      no      no      refuse (fully open)
 * no      no      yes     Open, with a local-dev-only warning
 * yes     no      any     DefaultDeny, with a warning
 * no      yes     any     refuse (policy without tokens)
 * yes     yes     any     PolicyEnabled
 * </pre>
 */
public final class RuntimeStateClassifier {

    public static final String REFUSE_FULLY_OPEN = "server has no bearer tokens and no policy file configured. "
            + "This is a fully open server — pass `--unauthenticated` (or set OMNIGRAPH_UNAUTHENTICATED=1) if you "
            + "actually want that, otherwise configure bearer tokens and a graph or cluster policy bundle in the "
            + "cluster config, then run `omnigraph cluster apply` and restart (see docs/policy.md).";

    public static final String REFUSE_POLICY_WITHOUT_TOKENS = "policy file is configured but no bearer tokens — "
            + "every request would 401 because no token can ever match. Configure at least one bearer token "
            + "(OMNIGRAPH_SERVER_BEARER_TOKEN, OMNIGRAPH_SERVER_BEARER_TOKENS_FILE or "
            + "OMNIGRAPH_SERVER_BEARER_TOKENS_JSON), or remove the policy bundle. To deny all traffic deliberately, "
            + "configure tokens plus a bundle that allows nothing: that answers 403s with logged policy decisions "
            + "instead of silent 401s.";

    public static final String WARN_OPEN = "running with --unauthenticated: no bearer tokens, no policy file, all "
            + "requests permitted. This is for local dev only — do not expose to a network you don't fully trust.";

    public static final String WARN_DEFAULT_DENY = "bearer tokens are configured but no policy file is set — running "
            + "in default-deny mode (only `read` actions are permitted for authenticated actors). Configure a graph "
            + "or cluster policy bundle in the cluster config, run `omnigraph cluster apply`, and restart to enable "
            + "Cedar rules.";

    private RuntimeStateClassifier() {
    }

    /**
     * @param hasTokens the token source yielded at least one token
     * @param hasPolicy a bundle is bound to {@code cluster} or to at least one served graph
     * @param allowUnauthenticated {@code --unauthenticated} or a truthy {@code OMNIGRAPH_UNAUTHENTICATED}
     */
    public static RuntimeClassification classify(boolean hasTokens, boolean hasPolicy, boolean allowUnauthenticated) {
        if (hasTokens && hasPolicy) {
            return new RuntimeClassification.Serve(RuntimeState.POLICY_ENABLED, Optional.empty());
        }
        if (hasTokens) {
            return new RuntimeClassification.Serve(RuntimeState.DEFAULT_DENY, Optional.of(WARN_DEFAULT_DENY));
        }
        if (hasPolicy) {
            return new RuntimeClassification.Refuse(REFUSE_POLICY_WITHOUT_TOKENS);
        }
        if (allowUnauthenticated) {
            return new RuntimeClassification.Serve(RuntimeState.OPEN, Optional.of(WARN_OPEN));
        }
        return new RuntimeClassification.Refuse(REFUSE_FULLY_OPEN);
    }
}
