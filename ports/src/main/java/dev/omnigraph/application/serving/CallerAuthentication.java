package dev.omnigraph.application.serving;

import dev.omnigraph.domain.serving.Caller;
import java.util.Optional;

/** Who is calling, from the request's {@code Authorization} header (refusing with 401 when required and absent or wrong). */
public interface CallerAuthentication {

    /** Whether every served request must carry a bearer token. */
    boolean required();

    Caller authenticate(Optional<String> authorizationHeader);
}
