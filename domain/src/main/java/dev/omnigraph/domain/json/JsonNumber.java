package dev.omnigraph.domain.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A JSON number: an exact decimal value plus whether it is a floating-point number.
 *
 * <p>The flag decides how it is written: integers as plain digits ({@code 5}), floating-point
 * numbers the way the reference's serializer writes an {@code f64} ({@code 5.0}, {@code 1e-7}).
 * Two numbers are equal when both value (by {@link BigDecimal#compareTo}) and flag agree.
 */
public final class JsonNumber implements JsonValue {

    private final BigDecimal value;
    private final boolean floating;

    private JsonNumber(BigDecimal value, boolean floating) {
        this.value = Objects.requireNonNull(value, "value");
        this.floating = floating;
    }

    public static JsonNumber of(long value) {
        return new JsonNumber(BigDecimal.valueOf(value), false);
    }

    /** An integer of any size (for unsigned 64-bit ids above {@link Long#MAX_VALUE}). */
    public static JsonNumber of(BigInteger value) {
        return new JsonNumber(new BigDecimal(value), false);
    }

    /** A floating-point number; non-finite values have no JSON spelling and are refused. */
    public static JsonNumber ofDouble(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("JSON cannot represent " + value);
        }
        return new JsonNumber(new BigDecimal(Double.toString(value)), true);
    }

    /** A number given by its decimal value; {@code floating} says whether it is written as a float. */
    public static JsonNumber of(BigDecimal value, boolean floating) {
        return new JsonNumber(value, floating);
    }

    public BigDecimal value() {
        return value;
    }

    public boolean isFloating() {
        return floating;
    }

    /** The value as a {@code long}; fails when it is fractional or out of range. */
    public long longValueExact() {
        try {
            return value.longValueExact();
        } catch (ArithmeticException notALong) {
            throw new JsonShapeException("expected an integer within 64-bit range, found " + value.toPlainString());
        }
    }

    public double doubleValue() {
        return value.doubleValue();
    }

    @Override
    public String kind() {
        return "number";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonNumber that && floating == that.floating && value.compareTo(that.value) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(value.stripTrailingZeros(), floating);
    }

    @Override
    public String toString() {
        return JsonWriter.compact(this);
    }
}
