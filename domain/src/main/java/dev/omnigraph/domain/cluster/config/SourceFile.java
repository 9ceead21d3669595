package dev.omnigraph.domain.cluster.config;

import java.util.Objects;

/**
 * A referenced source file the application could read: where it is (as displayed in
 * {@code resources[].path}) and the SHA-256 hex of its bytes.
 */
public record SourceFile(String displayPath, String digest) {

    public SourceFile {
        Objects.requireNonNull(displayPath, "displayPath");
        Objects.requireNonNull(digest, "digest");
    }
}
