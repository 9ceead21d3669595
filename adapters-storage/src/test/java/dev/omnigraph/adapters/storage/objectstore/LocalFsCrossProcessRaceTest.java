package dev.omnigraph.adapters.storage.objectstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.ports.out.ObjectKey;
import dev.omnigraph.ports.out.ObjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two omnigraph processes (say, two CI jobs running {@code cluster apply}) share one local cluster root.
 * Locks inside one JVM do not protect against the other process, so this test races real separate JVMs:
 * two child processes with eight threads each. For every key exactly one writer in either process may
 * win a create-if-absent, and a compare-and-swap counter incremented from both processes must lose no
 * update.
 */
class LocalFsCrossProcessRaceTest {

    private static final int KEYS = 20;
    private static final int THREADS_PER_PROCESS = 8;
    private static final int INCREMENTS_PER_THREAD = 5;

    @TempDir
    Path tempRoot;

    @Test
    void exactly_one_writer_across_two_processes_wins_each_create_and_no_cas_update_is_lost() throws Exception {
        Path storeRoot = tempRoot.resolve("store");
        Path goSignal = tempRoot.resolve("go");
        List<Process> children = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (int child = 0; child < 2; child++) {
            Path output = tempRoot.resolve("child-" + child + ".out");
            outputs.add(output);
            children.add(new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                    LocalFsRaceWorker.class.getName(), storeRoot.toString(), goSignal.toString(), "p" + child,
                    Integer.toString(KEYS), Integer.toString(THREADS_PER_PROCESS), Integer.toString(INCREMENTS_PER_THREAD))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start());
        }
        waitUntilBothReady(outputs);
        Files.writeString(goSignal, "go");
        for (Process child : children) {
            assertTrue(child.waitFor(120, TimeUnit.SECONDS), "a race worker did not finish");
            assertEquals(0, child.exitValue(), "a race worker failed: " + outputs);
        }

        Map<String, List<String>> winnersByKey = new HashMap<>();
        for (Path output : outputs) {
            for (String line : Files.readAllLines(output)) {
                if (line.startsWith("WON ")) {
                    String[] parts = line.split(" ");
                    winnersByKey.computeIfAbsent(parts[1], k -> new ArrayList<>()).add(parts[2]);
                }
            }
        }
        ObjectStore store = ObjectStores.localFolder(LocalFsProperties.durableAt(storeRoot));
        for (int k = 0; k < KEYS; k++) {
            String key = "race/key-" + k;
            List<String> winners = winnersByKey.getOrDefault(key, List.of());
            assertEquals(1, winners.size(), "exactly one winner for " + key + ", got " + winners);
            assertEquals(winners.get(0), store.get(new ObjectKey(key)).text());
        }
        int expectedCount = 2 * THREADS_PER_PROCESS * INCREMENTS_PER_THREAD;
        assertEquals(Integer.toString(expectedCount), store.get(new ObjectKey("race/counter")).text());
    }

    private static void waitUntilBothReady(List<Path> outputs) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            int ready = 0;
            for (Path output : outputs) {
                if (Files.exists(output) && Files.readString(output).contains("READY")) {
                    ready++;
                }
            }
            if (ready == outputs.size()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("race workers did not start: " + outputs);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
