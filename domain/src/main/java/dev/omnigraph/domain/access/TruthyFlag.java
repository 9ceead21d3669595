package dev.omnigraph.domain.access;

import java.util.Locale;
import java.util.Optional;

/**
 * The rule for opt-in environment variables such as {@code OMNIGRAPH_UNAUTHENTICATED}: set means the value,
 * trimmed, is non-empty and neither {@code 0} nor {@code false} (any case). So {@code 1}, {@code yes},
 * {@code true} and {@code on} opt in; unset, empty, {@code 0}, {@code false} and {@code FALSE} do not.
 */
public final class TruthyFlag {

    public static final String UNAUTHENTICATED_ENV = "OMNIGRAPH_UNAUTHENTICATED";

    private TruthyFlag() {
    }

    public static boolean isTruthy(Optional<String> value) {
        return value.map(TruthyFlag::isTruthy).orElse(false);
    }

    public static boolean isTruthy(String value) {
        if (value == null) {
            return false;
        }
        String trimmed = value.trim();
        return !trimmed.isEmpty() && !trimmed.equals("0") && !trimmed.toLowerCase(Locale.ROOT).equals("false");
    }
}
