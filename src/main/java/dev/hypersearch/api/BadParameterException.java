package dev.hypersearch.api;

/** A query parameter or form field outside a search spec is invalid: 400 naming it. */
public class BadParameterException extends RuntimeException {

    private final String field;

    public BadParameterException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
