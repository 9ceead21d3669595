package dev.omnigraph.application.serving;

import dev.omnigraph.domain.serving.ApiErrors;
import dev.omnigraph.domain.serving.Caller;
import dev.omnigraph.domain.serving.ServingException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-actor admission for mutating operations (reference: {@code OMNIGRAPH_PER_ACTOR_INFLIGHT_MAX},
 * default 16, and {@code OMNIGRAPH_PER_ACTOR_BYTES_MAX}, default 4 GiB): one actor cannot starve the
 * others. A refusal is 429 {@code too_many_requests} with {@code Retry-After: 60}; nothing is queued.
 * Authorization runs first, so denied requests never take a slot.
 */
public final class AdmissionControl {

    public static final int DEFAULT_INFLIGHT_MAX = 16;
    public static final long DEFAULT_BYTES_MAX = 4L * 1024 * 1024 * 1024;
    static final long RETRY_AFTER_SECONDS = 60;

    private final int inflightMax;
    private final long bytesMax;
    private final ConcurrentHashMap<String, Usage> usage = new ConcurrentHashMap<>();

    public AdmissionControl(int inflightMax, long bytesMax) {
        if (inflightMax < 1 || bytesMax < 1) {
            throw new IllegalArgumentException("admission limits must be positive");
        }
        this.inflightMax = inflightMax;
        this.bytesMax = bytesMax;
    }

    public static AdmissionControl defaults() {
        return new AdmissionControl(DEFAULT_INFLIGHT_MAX, DEFAULT_BYTES_MAX);
    }

    /** A held slot; closing it gives the slot and the bytes back. */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /** Takes a slot for {@code caller} carrying {@code bytes} of request body, or refuses with 429. */
    public Slot admit(Caller caller, long bytes) {
        String actor = caller.actor().orElse("");
        Usage actorUsage = usage.computeIfAbsent(actor, key -> new Usage());
        synchronized (actorUsage) {
            if (actorUsage.inflight >= inflightMax) {
                throw new ServingException(ApiErrors.tooManyRequests("too many in-flight write requests for actor '"
                        + display(actor) + "' (limit " + inflightMax + ")", RETRY_AFTER_SECONDS));
            }
            if (actorUsage.bytes + bytes > bytesMax) {
                throw new ServingException(ApiErrors.tooManyRequests("in-flight request bytes for actor '"
                        + display(actor) + "' would exceed " + bytesMax, RETRY_AFTER_SECONDS));
            }
            actorUsage.inflight++;
            actorUsage.bytes += bytes;
        }
        return () -> {
            synchronized (actorUsage) {
                actorUsage.inflight--;
                actorUsage.bytes -= bytes;
            }
        };
    }

    private static String display(String actor) {
        return actor.isEmpty() ? "anonymous" : actor;
    }

    /** One actor's in-flight writes; guarded by its own monitor. */
    private static final class Usage {
        long inflight;
        long bytes;
    }
}
