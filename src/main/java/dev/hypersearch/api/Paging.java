package dev.hypersearch.api;

/** Checks page/size query parameters; a huge page would defeat paginating in the database. */
final class Paging {

    static final int MAX_SIZE = 200;

    private Paging() {
    }

    static void check(int page, int size) {
        if (page < 0) {
            throw new BadParameterException("page", "must be >= 0, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new BadParameterException("size", "must be in [1, " + MAX_SIZE + "], was " + size);
        }
    }
}
