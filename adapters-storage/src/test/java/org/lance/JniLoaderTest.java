package org.lance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.adapters.storage.table.TableStorages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI must answer within 1.5 s including JVM start, and lance-core's own loader spends about 0.9 s
 * of that unpacking a 181 MB native library on every start. Our {@code org.lance.JniLoader} removes that
 * cost, but only if it is the class the JVM actually loads (it shadows lance-core's by name) and only if
 * a second start really reuses the cached file. Both are easy to lose silently: a reordered class path
 * brings the slow loader back without failing anything, and a cache that is rewritten each time is just
 * the old cost in a new place. So this test spawns real child JVMs with the module's test class path.
 */
class JniLoaderTest {

    @TempDir
    Path temp;

    @Test
    void our_loader_shadows_the_one_in_lance_core() {
        Object ours = JniLoader.class.getProtectionDomain().getCodeSource().getLocation();
        Object module = TableStorages.class.getProtectionDomain().getCodeSource().getLocation();
        Object lanceCore = Dataset.class.getProtectionDomain().getCodeSource().getLocation();
        assertEquals(module, ours, "org.lance.JniLoader must come from adapters-storage");
        assertNotEquals(lanceCore, ours);
    }

    @Test
    void the_first_jvm_extracts_the_library_once_and_the_next_one_reuses_it() throws Exception {
        Path cache = temp.resolve("cache");
        Map<String, String> first = runChild(cache, temp.resolve("t1"));
        Path library = Path.of(first.get("LOADED"));
        assertEquals("true", first.get("EXTRACTED"), first.toString());
        assertEquals(cache.resolve("native"), library.getParent());
        assertTrue(library.getFileName().toString().startsWith("liblance_jni-" + JniLoader.LANCE_VERSION + "-"), library.toString());
        assertEquals("1", first.get("ROWS"));
        BasicFileAttributes before = Files.readAttributes(library, BasicFileAttributes.class);

        Map<String, String> second = runChild(cache, temp.resolve("t2"));
        assertEquals("false", second.get("EXTRACTED"), second.toString());
        assertEquals(library.toString(), second.get("LOADED"));
        assertEquals("1", second.get("ROWS"));
        BasicFileAttributes after = Files.readAttributes(library, BasicFileAttributes.class);
        assertEquals(before.fileKey(), after.fileKey(), "the cached file is the same file, not a rewrite");
        assertEquals(before.lastModifiedTime(), after.lastModifiedTime());
        try (var files = Files.list(cache.resolve("native"))) {
            assertEquals(List.of(library), files.toList(), "no temporary files are left behind");
        }
    }

    @Test
    void an_unusable_cache_falls_back_to_lances_own_extraction() throws Exception {
        Path notAFolder = Files.writeString(temp.resolve("cache-is-a-file"), "x");
        Map<String, String> result = runChild(notAFolder, temp.resolve("t3"));
        assertEquals("null", result.get("LOADED"), result.toString());
        assertEquals("1", result.get("ROWS"));
    }

    private static Map<String, String> runChild(Path cacheDir, Path tableDir) throws Exception {
        Files.createDirectories(tableDir);
        Path output = tableDir.resolve("child.out");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-D" + JniLoader.CACHE_DIR_PROPERTY + "=" + cacheDir,
                "-cp", System.getProperty("java.class.path"),
                JniCacheProbe.class.getName(), tableDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");
        String text = Files.readString(output);
        assertEquals(0, child.exitValue(), text);
        Map<String, String> values = new HashMap<>();
        for (String line : text.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0 && line.substring(0, space).chars().allMatch(Character::isUpperCase)) {
                values.put(line.substring(0, space), line.substring(space + 1).strip());
            }
        }
        return values;
    }
}
