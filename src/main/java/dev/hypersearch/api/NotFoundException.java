package dev.hypersearch.api;

/** An id or name in the URL names nothing: answered 404 problem+json. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
