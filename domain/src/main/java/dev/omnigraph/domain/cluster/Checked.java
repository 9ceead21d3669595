package dev.omnigraph.domain.cluster;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of checking one value: accepted (with the normalised value) or rejected with the
 * human reason. Used where the reference returns {@code Result<T, String>} and the caller decides
 * which diagnostic code and path the reason is reported under.
 */
public sealed interface Checked<T> {

    record Accepted<T>(T value) implements Checked<T> {
        public Accepted {
            Objects.requireNonNull(value, "value");
        }
    }

    record Rejected<T>(String reason) implements Checked<T> {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static <T> Checked<T> accepted(T value) {
        return new Accepted<>(value);
    }

    static <T> Checked<T> rejected(String reason) {
        return new Rejected<>(reason);
    }

    default boolean isAccepted() {
        return this instanceof Accepted<T>;
    }

    /** The accepted value; fails for a rejection (a programming error at the call site). */
    default T orElseThrow() {
        if (this instanceof Accepted<T> accepted) {
            return accepted.value();
        }
        throw new IllegalStateException("rejected: " + ((Rejected<T>) this).reason());
    }

    default <U> Checked<U> map(Function<T, U> mapper) {
        if (this instanceof Accepted<T> accepted) {
            return new Accepted<>(mapper.apply(accepted.value()));
        }
        return new Rejected<>(((Rejected<T>) this).reason());
    }
}
