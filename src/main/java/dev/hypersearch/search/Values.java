package dev.hypersearch.search;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Reading plain JSON-bound values (Number, String, Boolean, List, Map). JSON has one number type, so a
 * binder may hand us Integer, Long, BigInteger, Double or BigDecimal for the same literal; these
 * helpers accept any of them by value rather than by Java class.
 */
final class Values {

    private Values() {
    }

    /** The value as a long if it is an integral number that fits (20, 20.0, 2e1), else null (2.5, "20", true). */
    static Long integral(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b) {
            return b.bitLength() < 64 ? b.longValue() : null;
        }
        if (v instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        if (v instanceof Number n) {
            double x = n.doubleValue();
            // 2^63 itself does not fit; -2^63 does, but nobody needs it.
            if (Double.isFinite(x) && x == Math.rint(x) && Math.abs(x) < 0x1p63) {
                return (long) x;
            }
        }
        return null;
    }

    /** Short description of a value for error messages: numbers and booleans as written, strings quoted. */
    static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return "\"" + s + "\"";
        }
        if (v instanceof Double || v instanceof Float) {
            return number(((Number) v).doubleValue());
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        if (v instanceof Map<?, ?>) {
            return "an object";
        }
        return String.valueOf(v);
    }

    /** A double as a person writes it: 10 not 10.0, 0.0001 not 1.0E-4. */
    static String number(double x) {
        if (!Double.isFinite(x)) {
            return Double.toString(x);
        }
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }
}
