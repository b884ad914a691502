package dev.hypersearch.search;

import java.util.ArrayList;
import java.util.List;

/** Collects field errors while a spec is checked; parsers keep going after an error to report them all. */
final class Errors {

    private final List<FieldError> errors = new ArrayList<>();

    void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    int count() {
        return errors.size();
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new SpecException(errors);
        }
    }
}
