package dev.omnigraph.application.serving;

import dev.omnigraph.domain.access.RuntimeState;
import dev.omnigraph.domain.cluster.serving.QuarantinedGraph;
import java.util.List;
import java.util.Objects;

/** The end of a server boot: a service ready to be put behind the front doors, or why not. */
public sealed interface BootOutcome {

    /**
     * @param state the runtime state the server runs in
     * @param quarantined graphs left out while the others serve, with the reason
     * @param warnings startup warnings to log (runtime-state warning, quarantines, pending recoveries)
     */
    record Ready(ClusterServingService service, RuntimeState state, List<QuarantinedGraph> quarantined,
                 List<String> warnings) implements BootOutcome {
        public Ready {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(state, "state");
            quarantined = List.copyOf(quarantined);
            warnings = List.copyOf(warnings);
        }
    }

    /** Nothing is served; {@code message} is the whole boot error (one diagnostic per line where there are several). */
    record Refused(String message) implements BootOutcome {
        public Refused {
            Objects.requireNonNull(message, "message");
        }
    }
}
