package dev.omnigraph.application.failpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Concurrency tests of the write path (two writers racing for one branch, a sweep racing a live writer) are only
 * meaningful if the interleaving is forced rather than left to the scheduler. A rendezvous must produce the same
 * order every run, and must fail or give up within its bounds when the window is never reached, so a broken test
 * cannot hang the build.
 */
class RendezvousTest {

    private static final String WINDOW = FailpointNames.MUTATION_POST_STAGE_PRE_EFFECT_GATE;

    private ExecutorService pool;

    @BeforeEach
    void startPool() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        assertFalse(Failpoints.anyArmed(), "a rendezvous leaked its failpoint");
    }

    @RepeatedTest(20)
    void the_second_writer_passes_while_the_first_is_parked(org.junit.jupiter.api.RepetitionInfo repetition)
            throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        try (Rendezvous parked = Rendezvous.parkFirst(WINDOW)) {
            Future<?> first = pool.submit(() -> writer("first", events));
            parked.awaitReached();
            assertTrue(parked.reached());

            pool.submit(() -> writer("second", events)).get(10, TimeUnit.SECONDS);
            assertEquals(List.of("first:staged", "second:staged", "second:published"), events);
            assertFalse(first.isDone(), "the first writer must still be parked");

            parked.release();
            first.get(10, TimeUnit.SECONDS);
        }
        assertEquals(List.of("first:staged", "second:staged", "second:published", "first:published"), events,
                "repetition " + repetition.getCurrentRepetition());
    }

    @Test
    void waiting_for_a_window_nobody_reaches_fails_instead_of_hanging() {
        try (Rendezvous never = Rendezvous.parkFirst(WINDOW)) {
            AssertionError failed = assertThrows(AssertionError.class, () -> never.awaitReached(Duration.ofMillis(50)));
            assertTrue(failed.getMessage().contains(WINDOW), failed.getMessage());
            assertFalse(never.reached());
        }
    }

    @Test
    void a_parked_thread_resumes_by_itself_after_the_park_limit() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        try (Rendezvous forgotten = Rendezvous.parkFirst(WINDOW, Duration.ofMillis(100))) {
            pool.submit(() -> writer("first", events)).get(10, TimeUnit.SECONDS);
            assertTrue(forgotten.reached());
        }
        assertEquals(List.of("first:staged", "first:published"), events);
    }

    @Test
    void closing_releases_the_parked_thread() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        Future<?> first;
        try (Rendezvous parked = Rendezvous.parkFirst(WINDOW)) {
            first = pool.submit(() -> writer("first", events));
            parked.awaitReached();
        }
        first.get(10, TimeUnit.SECONDS);
        assertEquals(List.of("first:staged", "first:published"), events);
    }

    /** A stand-in for a writer: stages, passes the window, publishes. */
    private static void writer(String who, List<String> events) {
        events.add(who + ":staged");
        Failpoints.maybeFail(WINDOW);
        events.add(who + ":published");
    }
}
