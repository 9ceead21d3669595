package dev.omnigraph.ports.in;

/** Shared argument checks of command records. */
final class Commands {
    private Commands() {}

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return value;
    }
}
