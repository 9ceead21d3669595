package dev.omnigraph.application.cluster;

import dev.omnigraph.ports.out.ObjectKey;
import dev.omnigraph.ports.out.ObjectStore;
import dev.omnigraph.ports.out.ObjectStoreException;
import dev.omnigraph.ports.out.ObjectStoreLocator;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The config directory's files (cluster.yaml and the schema, query and policy files it names), read
 * through the {@link ObjectStoreLocator}: a file is the object named by its last path segment in the store
 * of its parent folder. Paths are plain strings: relative ones resolve against the config directory and
 * are normalised lexically ({@code .}, {@code ..}), as displayed in diagnostics and {@code resources[].path}.
 */
final class SourceFiles {

    /** A file or folder that exists but could not be read. */
    static final class UnreadableException extends RuntimeException {
        UnreadableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final ObjectStoreLocator locator;

    SourceFiles(ObjectStoreLocator locator) {
        this.locator = locator;
    }

    /** {@code path} as seen from {@code baseDir}: URIs and absolute paths as written, relative ones joined. */
    static String resolve(String baseDir, String path) {
        if (path.contains("://")) {
            return path;
        }
        if (path.startsWith("/")) {
            return normalize(path);
        }
        return normalize(baseDir + "/" + path);
    }

    /** Removes {@code .} and empty segments, folds {@code ..}; keeps a leading {@code /}; no trailing slash. */
    static String normalize(String path) {
        boolean absolute = path.startsWith("/");
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..") && !segments.isEmpty() && !segments.peekLast().equals("..")) {
                segments.removeLast();
            } else if (!(segment.equals("..") && absolute)) {
                segments.addLast(segment);
            }
        }
        String joined = String.join("/", segments);
        if (absolute) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /** The bytes of a file; empty when there is no such file (a folder counts as no file). */
    Optional<byte[]> read(String path) {
        int slash = path.lastIndexOf('/');
        String parent = slash < 0 ? "." : slash == 0 ? "/" : path.substring(0, slash);
        String name = path.substring(slash + 1);
        try {
            ObjectStore folder = locator.locate(parent);
            return folder.find(new ObjectKey(name)).map(object -> object.bytes());
        } catch (ObjectStoreException | IllegalArgumentException failure) {
            throw new UnreadableException(failure.getMessage(), failure);
        }
    }

    /** The names of the files directly inside a folder, sorted; empty for a missing or empty folder. */
    List<String> listFiles(String folder) {
        try {
            List<String> names = new ArrayList<>();
            for (ObjectKey key : locator.locate(folder).list("")) {
                if (key.value().indexOf('/') < 0) {
                    names.add(key.value());
                }
            }
            names.sort(String::compareTo);
            return names;
        } catch (ObjectStoreException | IllegalArgumentException failure) {
            throw new UnreadableException(failure.getMessage(), failure);
        }
    }

    /** Whether a folder holds anything at all (the best a store can say about "the folder exists"). */
    boolean holdsAnything(String folder) {
        try {
            return !locator.locate(folder).list("").isEmpty();
        } catch (ObjectStoreException | IllegalArgumentException failure) {
            return false;
        }
    }

    /** Strict UTF-8 decoding; empty for bytes that are not UTF-8. */
    static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }
}
