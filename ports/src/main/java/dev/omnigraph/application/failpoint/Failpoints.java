package dev.omnigraph.application.failpoint;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The process-wide failpoint registry. Production code marks each crash window with {@link #maybeFail(String)}; a test
 * arms a window to throw {@link InjectedFailpointException} or to run a callback there (to pause a thread, mutate
 * storage under the writer, or throw an error of its choosing).
 *
 * <p>Cost contract: while nothing is armed, {@link #maybeFail(String)} is one volatile read and a null check: no map
 * lookup, no allocation. Arming publishes a fresh immutable snapshot, so {@code maybeFail} never locks.
 *
 * <p>Arming is package-private on purpose: the public way in is the test-jar's {@code ScopedFailpoint} and
 * {@code Rendezvous}, which disarm themselves when closed.
 */
public final class Failpoints {

    /** What an armed failpoint does when reached. */
    sealed interface Action permits Fail, Callback {
        void fire(String name);
    }

    /** Throws {@link InjectedFailpointException}. */
    record Fail() implements Action {
        @Override
        public void fire(String name) {
            throw new InjectedFailpointException(name);
        }
    }

    /** Runs the callback on the thread that reached the failpoint; anything it throws propagates to that thread. */
    record Callback(Runnable callback) implements Action {
        Callback {
            Objects.requireNonNull(callback, "callback");
        }

        @Override
        public void fire(String name) {
            callback.run();
        }
    }

    private static final Object ARMING = new Object();

    /** The armed failpoints, or {@code null} when none is armed (the fast path). Replaced, never mutated. */
    private static volatile Map<String, Action> armed;

    private Failpoints() {
    }

    /**
     * Marks a crash window. Does nothing unless a test armed {@code name}; then fails with
     * {@link InjectedFailpointException} or runs the armed callback.
     *
     * @param name a {@link FailpointNames} constant (a literal is refused by {@code FailpointNamesGuardTest})
     */
    public static void maybeFail(String name) {
        Map<String, Action> snapshot = armed;
        if (snapshot == null) {
            return;
        }
        Action action = snapshot.get(name);
        if (action != null) {
            action.fire(name);
        }
    }

    /**
     * Arms {@code name} with {@code action}.
     *
     * @throws IllegalArgumentException when {@code name} is not in {@link FailpointNames#ALL}
     * @throws IllegalStateException when {@code name} is already armed (a scope was not closed, or two tests overlap)
     */
    static void arm(String name, Action action) {
        Objects.requireNonNull(action, "action");
        requireKnown(name);
        synchronized (ARMING) {
            Map<String, Action> next = armed == null ? new HashMap<>() : new HashMap<>(armed);
            if (next.putIfAbsent(name, action) != null) {
                throw new IllegalStateException("failpoint " + name + " is already armed; close the previous scope first");
            }
            armed = Map.copyOf(next);
        }
    }

    /** Disarms {@code name} if it is armed with exactly {@code action}; a stale disarm leaves a newer arming alone. */
    static void disarm(String name, Action action) {
        synchronized (ARMING) {
            Map<String, Action> current = armed;
            if (current == null || current.get(name) != action) {
                return;
            }
            Map<String, Action> next = new HashMap<>(current);
            next.remove(name);
            armed = next.isEmpty() ? null : Map.copyOf(next);
        }
    }

    /** Whether any failpoint is armed (for tests that check scopes clean up after themselves). */
    static boolean anyArmed() {
        return armed != null;
    }

    private static void requireKnown(String name) {
        Objects.requireNonNull(name, "name");
        if (!FailpointNames.ALL.contains(name)) {
            throw new IllegalArgumentException("unknown failpoint '" + name + "'; add it to FailpointNames first");
        }
    }
}
