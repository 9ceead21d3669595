package dev.omnigraph.application.failpoint;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Failpoints are how the crash tests reach the windows the recovery protocol must survive. They are only trustworthy
 * if an armed point fires exactly where and while it is armed, a closed scope leaves nothing behind for the next
 * test, and a misspelt name is refused instead of silently never firing.
 */
class FailpointsTest {

    @AfterEach
    void nothing_stays_armed() {
        assertFalse(Failpoints.anyArmed(), "a test leaked an armed failpoint");
    }

    @Test
    void unarmed_failpoints_do_nothing() {
        for (String name : FailpointNames.ALL) {
            assertDoesNotThrow(() -> Failpoints.maybeFail(name));
        }
    }

    @Test
    void an_armed_failpoint_fails_only_at_its_window_and_only_while_armed() {
        try (ScopedFailpoint armed = ScopedFailpoint.fail(FailpointNames.MUTATION_POST_TABLE_COMMIT)) {
            InjectedFailpointException fired = assertThrows(InjectedFailpointException.class,
                    () -> Failpoints.maybeFail(FailpointNames.MUTATION_POST_TABLE_COMMIT));
            assertEquals("injected failpoint triggered: mutation.post_table_commit", fired.getMessage());
            assertEquals(FailpointNames.MUTATION_POST_TABLE_COMMIT, fired.failpointName());
            assertEquals(FailpointNames.MUTATION_POST_TABLE_COMMIT, armed.name());
            assertDoesNotThrow(() -> Failpoints.maybeFail(FailpointNames.MUTATION_POST_FINALIZE_PRE_PUBLISHER));
            assertThrows(InjectedFailpointException.class,
                    () -> Failpoints.maybeFail(FailpointNames.MUTATION_POST_TABLE_COMMIT), "fires every time it is reached");
        }
        assertDoesNotThrow(() -> Failpoints.maybeFail(FailpointNames.MUTATION_POST_TABLE_COMMIT));
    }

    @Test
    void a_callback_runs_on_the_thread_that_reaches_the_window() {
        List<Thread> ranOn = new ArrayList<>();
        try (ScopedFailpoint ignored = ScopedFailpoint.callback(FailpointNames.RECOVERY_SIDECAR_DELETE,
                () -> ranOn.add(Thread.currentThread()))) {
            Failpoints.maybeFail(FailpointNames.RECOVERY_SIDECAR_DELETE);
            Failpoints.maybeFail(FailpointNames.RECOVERY_SIDECAR_WRITE);
        }
        Failpoints.maybeFail(FailpointNames.RECOVERY_SIDECAR_DELETE);
        assertEquals(List.of(Thread.currentThread()), ranOn);
    }

    @Test
    void a_callback_can_inject_an_error_of_its_own() {
        IllegalStateException contention = new IllegalStateException("retryable contention");
        try (ScopedFailpoint ignored = ScopedFailpoint.callback(FailpointNames.PUBLISH_LOAD_STATE_RETRYABLE_CONTENTION, () -> {
            throw contention;
        })) {
            assertSame(contention, assertThrows(IllegalStateException.class,
                    () -> Failpoints.maybeFail(FailpointNames.PUBLISH_LOAD_STATE_RETRYABLE_CONTENTION)));
        }
    }

    @Test
    void arming_an_unknown_name_is_refused() {
        String misspelt = FailpointNames.MUTATION_POST_TABLE_COMMIT + "s";
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ScopedFailpoint.fail(misspelt));
        assertTrue(refused.getMessage().contains(misspelt), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ScopedFailpoint.callback(misspelt, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> Rendezvous.parkFirst(misspelt));
        assertThrows(NullPointerException.class, () -> ScopedFailpoint.fail(null));
    }

    @Test
    void arming_an_armed_name_twice_is_refused_and_keeps_the_first() {
        AtomicInteger calls = new AtomicInteger();
        try (ScopedFailpoint first = ScopedFailpoint.callback(FailpointNames.GRAPH_PUBLISH_AFTER_MANIFEST_COMMIT,
                calls::incrementAndGet)) {
            assertThrows(IllegalStateException.class, () -> ScopedFailpoint.fail(FailpointNames.GRAPH_PUBLISH_AFTER_MANIFEST_COMMIT));
            Failpoints.maybeFail(FailpointNames.GRAPH_PUBLISH_AFTER_MANIFEST_COMMIT);
            assertEquals(1, calls.get());
        }
    }

    @Test
    void closing_a_scope_twice_leaves_a_newer_arming_alone() {
        ScopedFailpoint stale = ScopedFailpoint.fail(FailpointNames.RECOVERY_RECORD_AUDIT);
        stale.close();
        try (ScopedFailpoint current = ScopedFailpoint.fail(FailpointNames.RECOVERY_RECORD_AUDIT)) {
            stale.close();
            assertThrows(InjectedFailpointException.class, () -> Failpoints.maybeFail(FailpointNames.RECOVERY_RECORD_AUDIT));
        }
    }

    @Test
    void several_windows_can_be_armed_at_once_and_close_independently() {
        try (ScopedFailpoint write = ScopedFailpoint.fail(FailpointNames.RECOVERY_SIDECAR_WRITE)) {
            try (ScopedFailpoint confirm = ScopedFailpoint.fail(FailpointNames.RECOVERY_SIDECAR_CONFIRM)) {
                assertThrows(InjectedFailpointException.class, () -> Failpoints.maybeFail(FailpointNames.RECOVERY_SIDECAR_WRITE));
                assertThrows(InjectedFailpointException.class, () -> Failpoints.maybeFail(FailpointNames.RECOVERY_SIDECAR_CONFIRM));
            }
            assertDoesNotThrow(() -> Failpoints.maybeFail(FailpointNames.RECOVERY_SIDECAR_CONFIRM));
            assertThrows(InjectedFailpointException.class, () -> Failpoints.maybeFail(FailpointNames.RECOVERY_SIDECAR_WRITE));
        }
    }
}
