package dev.omnigraph.domain;

/** Argument checks shared by the self-validating command and query records. */
public final class Arguments {
    private Arguments() {}

    /**
     * @return {@code value}
     * @throws IllegalArgumentException naming {@code what} when the value is null or blank
     */
    public static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return value;
    }
}
