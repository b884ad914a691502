package dev.hypersearch.api;

/** The request is valid but clashes with the current state (finished search, taken name): 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
