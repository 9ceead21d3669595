package dev.omnigraph.adapters.storage.objectstore.azure;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.util.Context;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/**
 * A pipeline policy that runs once per attempt (after the retry policy) and counts the attempts of a call
 * that ended without an HTTP response (connection reset, timeout). Such an attempt may have been performed
 * by the service. Only calls that ask for it, by carrying a counter made with {@link #counting()}, are
 * counted; every other call passes through untouched.
 */
final class UnansweredAttempts implements HttpPipelinePolicy {

    private static final String COUNTER = UnansweredAttempts.class.getName();

    /** A call context that makes this policy count into {@code counter}. */
    static Context counting(AtomicInteger counter) {
        return new Context(COUNTER, counter);
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        AtomicInteger counter = counterOf(context);
        if (counter == null) {
            return next.process();
        }
        // an attempt cut short by the retry policy's per-try timeout is cancelled rather than failed
        return next.process()
                .doOnError(unanswered -> counter.incrementAndGet())
                .doOnCancel(counter::incrementAndGet);
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        AtomicInteger counter = counterOf(context);
        if (counter == null) {
            return next.processSync();
        }
        try {
            return next.processSync();
        } catch (RuntimeException | Error unanswered) {
            counter.incrementAndGet();
            throw unanswered;
        }
    }

    @Override
    public HttpPipelinePosition getPipelinePosition() {
        return HttpPipelinePosition.PER_RETRY;
    }

    private static AtomicInteger counterOf(HttpPipelineCallContext context) {
        return context.getData(COUNTER).filter(AtomicInteger.class::isInstance).map(AtomicInteger.class::cast).orElse(null);
    }
}
