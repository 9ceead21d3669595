package dev.omnigraph.application.failpoint;

import java.util.Objects;

/** The failure an armed failpoint throws where the production code called {@link Failpoints#maybeFail(String)}. */
public final class InjectedFailpointException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String failpointName;

    InjectedFailpointException(String failpointName) {
        super("injected failpoint triggered: " + Objects.requireNonNull(failpointName, "failpointName"));
        this.failpointName = failpointName;
    }

    /** The {@link FailpointNames} constant that fired. */
    public String failpointName() {
        return failpointName;
    }
}
