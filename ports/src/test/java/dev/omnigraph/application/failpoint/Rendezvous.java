package dev.omnigraph.application.failpoint;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Deterministic interleaving at a failpoint: the first thread to reach it parks until the test calls
 * {@link #release()}; later arrivals pass straight through. The test waits for the condition ("the first thread is
 * parked there") instead of sleeping and hoping.
 *
 * <pre>{@code
 * try (Rendezvous parked = Rendezvous.parkFirst(FailpointNames.MUTATION_POST_STAGE_PRE_EFFECT_GATE)) {
 *     Future<?> first = pool.submit(() -> engine.mutate(...));   // stops at the window
 *     parked.awaitReached();
 *     engine.mutate(...);                                        // the second writer passes and wins
 *     parked.release();
 *     assertThrows(..., first::get);                             // the first one must notice
 * }
 * }</pre>
 *
 * <p>Both waits are bounded so a broken test fails instead of hanging the build: the parked thread resumes by itself
 * after {@link #PARK_LIMIT}, and {@link #awaitReached()} fails after {@link #REACH_LIMIT}, which also proves the
 * window is actually on the path under test. Closing releases the parked thread and disarms the failpoint.
 */
public final class Rendezvous implements AutoCloseable {

    /** How long the first arrival stays parked without a {@link #release()}. */
    public static final Duration PARK_LIMIT = Duration.ofSeconds(30);

    /** How long {@link #awaitReached()} waits for the first arrival. */
    public static final Duration REACH_LIMIT = Duration.ofSeconds(12);

    private final String name;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final ScopedFailpoint failpoint;

    private Rendezvous(String name, Duration parkLimit) {
        this.name = name;
        this.failpoint = ScopedFailpoint.callback(name, () -> park(parkLimit));
    }

    /**
     * Parks the first thread that reaches {@code name}.
     *
     * @throws IllegalArgumentException when {@code name} is not a {@link FailpointNames} name
     */
    public static Rendezvous parkFirst(String name) {
        return new Rendezvous(name, PARK_LIMIT);
    }

    /** {@link #parkFirst(String)} with a shorter park, for testing the bound itself. */
    static Rendezvous parkFirst(String name, Duration parkLimit) {
        return new Rendezvous(name, parkLimit);
    }

    /** Blocks until the first thread is parked at the failpoint; fails with {@link AssertionError} if it never arrives. */
    public void awaitReached() {
        awaitReached(REACH_LIMIT);
    }

    void awaitReached(Duration limit) {
        try {
            if (!reached.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("rendezvous: failpoint '" + name + "' was never reached within " + limit);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("rendezvous: interrupted while waiting for failpoint '" + name + "'", interrupted);
        }
    }

    /** Whether a thread has reached the failpoint yet. */
    public boolean reached() {
        return reached.getCount() == 0;
    }

    /** Lets the parked thread continue past the failpoint (and any later arrival pass, as before). */
    public void release() {
        released.countDown();
    }

    /** Releases a parked thread, then disarms the failpoint. */
    @Override
    public void close() {
        release();
        failpoint.close();
    }

    private void park(Duration parkLimit) {
        if (!claimed.compareAndSet(false, true)) {
            return;
        }
        reached.countDown();
        try {
            released.await(parkLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
