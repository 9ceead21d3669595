package dev.omnigraph.application.failpoint;

/**
 * Arms one failpoint for the lifetime of a try-with-resources block and disarms it on close, even when the test
 * fails, so an armed window never leaks into later tests of the same JVM.
 *
 * <pre>{@code
 * try (ScopedFailpoint ignored = ScopedFailpoint.fail(FailpointNames.MUTATION_POST_FINALIZE_PRE_PUBLISHER)) {
 *     assertThrows(GraphEngineException.class, () -> engine.mutate(...));
 * }
 * }</pre>
 */
public final class ScopedFailpoint implements AutoCloseable {

    private final String name;
    private final Failpoints.Action action;

    private ScopedFailpoint(String name, Failpoints.Action action) {
        this.name = name;
        this.action = action;
        Failpoints.arm(name, action);
    }

    /**
     * Makes {@code name} throw {@link InjectedFailpointException} until closed.
     *
     * @throws IllegalArgumentException when {@code name} is not a {@link FailpointNames} name
     * @throws IllegalStateException when {@code name} is already armed
     */
    public static ScopedFailpoint fail(String name) {
        return new ScopedFailpoint(name, new Failpoints.Fail());
    }

    /**
     * Makes {@code name} run {@code callback} on the thread that reaches it, until closed. An exception the callback
     * throws is thrown at the failpoint; returning normally lets the production code continue.
     */
    public static ScopedFailpoint callback(String name, Runnable callback) {
        return new ScopedFailpoint(name, new Failpoints.Callback(callback));
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        Failpoints.disarm(name, action);
    }
}
