package dev.hypersearch.worker;

/**
 * Which throwables a worker survives. Every Error a trial raises (OutOfMemoryError, StackOverflowError, an
 * Error from a library) ends that trial, not the worker thread; only the JVM's request that this thread stop
 * ({@link ThreadDeath}) is passed on.
 */
final class Failures {

    private Failures() {
    }

    @SuppressWarnings({"deprecation", "removal"})
    static void rethrowIfFatal(Throwable t) {
        if (t instanceof ThreadDeath death) {
            throw death;
        }
    }
}
