package dev.omnigraph.domain.graph;

import java.util.Objects;

/** The textual id of a graph snapshot: {@code manifest:<branch>:v<N>}. */
public record SnapshotId(String branch, long manifestVersion) {

    public SnapshotId {
        Objects.requireNonNull(branch, "branch");
        if (manifestVersion < 1) {
            throw new IllegalArgumentException("manifest versions start at 1");
        }
    }

    public static SnapshotId of(String branch, long manifestVersion) {
        return new SnapshotId(branch, manifestVersion);
    }

    /**
     * Parses {@code manifest:<branch>:v<N>} (an optional {@code :etag:<etag>} suffix is accepted and ignored).
     *
     * @throws IllegalArgumentException with a message naming the expected form
     */
    public static SnapshotId parse(String text) {
        String expected = "expected a snapshot id of the form manifest:<branch>:v<N>, got '" + text + "'";
        if (text == null || !text.startsWith("manifest:")) {
            throw new IllegalArgumentException(expected);
        }
        String rest = text.substring("manifest:".length());
        int etag = rest.indexOf(":etag:");
        if (etag >= 0) {
            rest = rest.substring(0, etag);
        }
        int versionMark = rest.lastIndexOf(":v");
        if (versionMark <= 0) {
            throw new IllegalArgumentException(expected);
        }
        try {
            return new SnapshotId(rest.substring(0, versionMark), Long.parseLong(rest.substring(versionMark + 2)));
        } catch (NumberFormatException badNumber) {
            throw new IllegalArgumentException(expected);
        }
    }

    @Override
    public String toString() {
        return "manifest:" + branch + ":v" + manifestVersion;
    }
}
