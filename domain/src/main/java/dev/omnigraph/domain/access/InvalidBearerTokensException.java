package dev.omnigraph.domain.access;

/**
 * A configured set of bearer tokens that cannot be served: a blank actor or token, an actor listed twice,
 * or two actors sharing one token (which would make the actor of a request ambiguous). The message names
 * actors, never a token.
 */
public final class InvalidBearerTokensException extends IllegalArgumentException {

    public InvalidBearerTokensException(String message) {
        super(message);
    }
}
