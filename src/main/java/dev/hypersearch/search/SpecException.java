package dev.hypersearch.search;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A search spec is invalid. Carries every problem found, not just the first, so a user fixes a spec
 * in one round trip.
 */
public class SpecException extends RuntimeException {

    private final List<FieldError> errors;

    public SpecException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a SpecException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
