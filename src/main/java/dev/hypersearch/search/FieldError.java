package dev.hypersearch.search;

/**
 * One problem in a search spec. {@code field} is a JSON-path-like location such as
 * {@code space.learningRate.floatRange.min} or {@code space.activation.choice[2]}, so an API can point
 * at the offending input (RFC 9457 problem details).
 */
public record FieldError(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
