package dev.omnigraph.ports.out;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Starts racing tasks at one instant, for the conformance suites' concurrency tests: every racer is
 * parked on a latch until all are ready, so the race is real rather than sequential thread starts.
 */
public final class Racers {

    private Racers() {}

    /** Builds the task of racer {@code i}. */
    public interface RacerTask<T> {
        Callable<T> forRacer(int racer);
    }

    /** Runs {@code racers} tasks released together and returns their results in racer order. */
    public static <T> List<T> race(int racers, RacerTask<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch ready = new CountDownLatch(racers);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Callable<T> body = task.forRacer(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return body.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
