package dev.omnigraph.adapters.storage.objectstore;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.omnigraph.ports.out.ObjectKey;
import dev.omnigraph.ports.out.ObjectStore;
import dev.omnigraph.ports.out.PreconditionFailedException;
import dev.omnigraph.ports.out.StoredObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The child process of {@link LocalFsCrossProcessRaceTest}: waits for the go signal, then races its
 * threads on create-if-absent of every key and on a shared compare-and-swap counter, and prints
 * {@code WON <key> <payload>} for each create it won.
 */
public final class LocalFsRaceWorker {

    private LocalFsRaceWorker() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path go = Path.of(args[1]);
        String processName = args[2];
        int keys = Integer.parseInt(args[3]);
        int threads = Integer.parseInt(args[4]);
        int increments = Integer.parseInt(args[5]);
        ObjectStore store = ObjectStores.localFolder(LocalFsProperties.durableAt(root));
        ObjectKey counter = new ObjectKey("race/counter");
        try {
            store.putIfAbsent(counter, "0".getBytes(UTF_8));
        } catch (PreconditionFailedException otherProcessCreatedIt) {
            // both processes try; one creates it
        }
        System.out.println("READY");
        System.out.flush();
        while (!Files.exists(go)) {
            Thread.sleep(1);
        }
        ConcurrentLinkedQueue<String> won = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String payload = processName + "-t" + t;
            Thread worker = new Thread(() -> {
                for (int k = 0; k < keys; k++) {
                    String key = "race/key-" + k;
                    try {
                        store.putIfAbsent(new ObjectKey(key), payload.getBytes(UTF_8));
                        won.add("WON " + key + " " + payload);
                    } catch (PreconditionFailedException lost) {
                        // another writer created it first
                    }
                }
                for (int done = 0; done < increments; ) {
                    StoredObject current = store.get(counter);
                    int next = Integer.parseInt(current.text()) + 1;
                    try {
                        store.putIfMatch(counter, Integer.toString(next).getBytes(UTF_8), current.version());
                        done++;
                    } catch (PreconditionFailedException lost) {
                        // re-read and retry
                    }
                }
            });
            worker.setUncaughtExceptionHandler((thread, failure) -> failures.add(failure));
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        won.forEach(System.out::println);
        failures.forEach(failure -> failure.printStackTrace(System.out));
        System.out.flush();
        if (!failures.isEmpty()) {
            System.exit(1);
        }
    }
}
