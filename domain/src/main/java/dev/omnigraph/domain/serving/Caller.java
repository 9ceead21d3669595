package dev.omnigraph.domain.serving;

import java.util.Objects;
import java.util.Optional;

/**
 * The party behind a served request. The actor comes only from an authenticated bearer token (never from
 * a client-supplied header); it is empty on a server that requires no authentication.
 */
public record Caller(Optional<String> actor) {
    /** The caller of an open server, who presented no token. */
    public static final Caller ANONYMOUS = new Caller(Optional.empty());

    public Caller {
        Objects.requireNonNull(actor, "actor");
    }

    public static Caller actor(String actorId) {
        return new Caller(Optional.of(actorId));
    }
}
