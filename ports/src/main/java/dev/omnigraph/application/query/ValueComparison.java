package dev.omnigraph.application.query;

import dev.omnigraph.domain.graph.load.PropertyValues;
import dev.omnigraph.domain.query.typecheck.ScalarKind;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * The one order of typed values used by filters, {@code min}/{@code max} and {@code order}: strings
 * by Unicode code point (the byte order of UTF-8, as the reference compares), booleans false before
 * true, numbers by exact numeric value across integer and float kinds (U64 values unsigned; NaN above
 * every number, −0.0 below 0.0, as in a total float order). A float compared with an F32 value is
 * first rounded to F32, as the reference casts the right operand to the left's type. Dates and
 * date-times compare as their epoch numbers. Lists and vectors are not ordered.
 */
final class ValueComparison {

    private ValueComparison() {
    }

    /** Whether two non-null values can be compared. */
    static boolean comparable(Object left, Object right) {
        return (left instanceof String && right instanceof String)
                || (left instanceof Boolean && right instanceof Boolean)
                || (left instanceof Number && right instanceof Number);
    }

    /**
     * Compares two non-null values.
     *
     * @param leftKind the static kind of {@code left}, or null when unknown (only U64 and F32 matter)
     */
    static int compare(Object left, ScalarKind leftKind, Object right, ScalarKind rightKind) {
        if (left instanceof String a && right instanceof String b) {
            return compareStrings(a, b);
        }
        if (left instanceof Boolean a && right instanceof Boolean b) {
            return Boolean.compare(a, b);
        }
        if (left instanceof Number a && right instanceof Number b) {
            return compareNumbers(a, leftKind, b, rightKind);
        }
        throw new InvalidQueryPlanException("cannot compare " + describe(left) + " with " + describe(right));
    }

    /** Code-point order, which is the byte order of the UTF-8 encodings. */
    static int compareStrings(String a, String b) {
        int shared = Math.min(a.length(), b.length());
        for (int i = 0; i < shared; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                    return Integer.compare(a.codePointAt(i), b.codePointAt(i));
                }
                return Character.compare(x, y);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static int compareNumbers(Number a, ScalarKind aKind, Number b, ScalarKind bKind) {
        boolean aFloat = a instanceof Double || a instanceof Float;
        boolean bFloat = b instanceof Double || b instanceof Float;
        if (!aFloat && !bFloat) {
            if (aKind != ScalarKind.U64 && bKind != ScalarKind.U64) {
                return Long.compare(a.longValue(), b.longValue());
            }
            return integer(a, aKind).compareTo(integer(b, bKind));
        }
        if (aFloat && bFloat) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            if (aKind == ScalarKind.F32 && bKind != ScalarKind.F32) {
                y = (float) y;
            } else if (bKind == ScalarKind.F32 && aKind != ScalarKind.F32) {
                x = (float) x;
            }
            return Double.compare(x, y);
        }
        if (aFloat) {
            return compareFloatWithInteger(a.doubleValue(), integer(b, bKind));
        }
        return -compareFloatWithInteger(b.doubleValue(), integer(a, aKind));
    }

    private static int compareFloatWithInteger(double value, BigInteger integer) {
        if (Double.isNaN(value) || value == Double.POSITIVE_INFINITY) {
            return 1;
        }
        if (value == Double.NEGATIVE_INFINITY) {
            return -1;
        }
        return new BigDecimal(value).compareTo(new BigDecimal(integer));
    }

    private static BigInteger integer(Number value, ScalarKind kind) {
        long bits = value.longValue();
        return kind == ScalarKind.U64 ? PropertyValues.unsigned(bits) : BigInteger.valueOf(bits);
    }

    /** List membership with the same equality as {@code =}; incomparable elements never match. */
    static boolean listContains(List<?> list, ScalarKind elementKind, Object value, ScalarKind valueKind) {
        for (Object element : list) {
            if (element != null && comparable(element, value)
                    && compare(element, elementKind, value, valueKind) == 0) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Object value) {
        if (value instanceof float[]) {
            return "a vector";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return "a " + value.getClass().getSimpleName();
    }
}
