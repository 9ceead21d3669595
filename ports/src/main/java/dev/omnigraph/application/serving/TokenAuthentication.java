package dev.omnigraph.application.serving;

import dev.omnigraph.domain.access.Authentication;
import dev.omnigraph.domain.access.BearerTokenTable;
import dev.omnigraph.domain.serving.ApiError;
import dev.omnigraph.domain.serving.Caller;
import dev.omnigraph.domain.serving.ServingException;
import java.util.Optional;

/**
 * Bearer authentication (cluster-server notes §8.3): required when tokens or any policy are configured;
 * the actor is the matching token's actor and nothing the client says about itself.
 */
public final class TokenAuthentication implements CallerAuthentication {

    static final String MISSING = "missing bearer token";
    static final String INVALID = "invalid bearer token";

    private final BearerTokenTable tokens;
    private final boolean required;

    public TokenAuthentication(BearerTokenTable tokens, boolean policyConfigured) {
        this.tokens = tokens;
        this.required = !tokens.isEmpty() || policyConfigured;
    }

    @Override
    public boolean required() {
        return required;
    }

    @Override
    public Caller authenticate(Optional<String> authorizationHeader) {
        if (!required) {
            return Caller.ANONYMOUS;
        }
        Authentication outcome = tokens.authenticate(authorizationHeader);
        if (outcome instanceof Authentication.Authenticated authenticated) {
            return Caller.actor(authenticated.actor());
        }
        throw new ServingException(ApiError.unauthorized(outcome instanceof Authentication.Missing ? MISSING : INVALID));
    }
}
