package dev.hypersearch.api;

/**
 * Checks page/size query parameters. Every offset-paged listing goes through here: a huge page would
 * defeat paginating in the database, and page x size beyond an int overflows the query's offset.
 */
final class Paging {

    static final int MAX_SIZE = 200;

    /** The furthest row a page may start at: JPA offsets are ints. */
    static final long MAX_OFFSET = Integer.MAX_VALUE;

    private Paging() {
    }

    static void check(int page, int size) {
        if (page < 0) {
            throw new BadParameterException("page", "must be >= 0, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new BadParameterException("size", "must be in [1, " + MAX_SIZE + "], was " + size);
        }
        long lastPage = MAX_OFFSET / size;
        if (page > lastPage) {
            throw new BadParameterException("page", "must be at most " + lastPage + " with size " + size
                    + " (page x size is the offset of the first row), was " + page);
        }
    }
}
