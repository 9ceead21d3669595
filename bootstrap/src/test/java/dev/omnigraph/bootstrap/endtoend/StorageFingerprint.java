package dev.omnigraph.bootstrap.endtoend;

import dev.omnigraph.domain.cluster.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every regular file under a folder, by path relative to it, with the SHA-256 of its bytes (and, for
 * {@link #withModificationTimes}, its modification time too). Two equal fingerprints mean no file was
 * added, removed or changed in a single byte — the check behind "a converged re-apply writes nothing" —
 * and, with modification times, that no file was even rewritten with the same bytes.
 */
record StorageFingerprint(Map<String, String> files) {

    /** The contents of every file under {@code folder}; an absent folder is empty. */
    static StorageFingerprint of(Path folder) {
        return take(folder, false);
    }

    /** The contents and modification times of every file under {@code folder}. */
    static StorageFingerprint withModificationTimes(Path folder) {
        return take(folder, true);
    }

    private static StorageFingerprint take(Path folder, boolean withTimes) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return new StorageFingerprint(files);
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.filter(Files::isRegularFile).toList()) {
                String fingerprint = Sha256.hex(Files.readAllBytes(path));
                if (withTimes) {
                    fingerprint += " @" + Files.getLastModifiedTime(path).toMillis();
                }
                files.put(folder.relativize(path).toString(), fingerprint);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StorageFingerprint(files);
    }
}
