package dev.omnigraph.ports.out;

/**
 * Opaque identity of one stored version of an object (an ETag on object stores, a content digest on
 * local disk). Two tokens are equal only if the store considers them the same version; callers never
 * parse or construct tokens themselves except from a value the store returned.
 */
public record VersionToken(String value) {
    public VersionToken {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a version token must not be empty");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
