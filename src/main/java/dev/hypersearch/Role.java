package dev.hypersearch;

import java.util.Locale;

/** What one process of the service does ({@code hypersearch.role}); all processes share one database. */
public enum Role {

    /** API, UI and workers in one process: the embedded default. */
    ALL(true, true),
    /** REST API and UI, no workers. */
    API(true, false),
    /** Trains trials; answers {@code /api/**} with 404. */
    WORKER(false, true),
    /** Neither workers nor a refused API: for tests of one layer. */
    NONE(true, false);

    private final boolean servesApi;
    private final boolean runsWorkers;

    Role(boolean servesApi, boolean runsWorkers) {
        this.servesApi = servesApi;
        this.runsWorkers = runsWorkers;
    }

    /** Whether this process answers {@code /api/**} (every role but worker). */
    public boolean servesApi() {
        return servesApi;
    }

    public boolean runsWorkers() {
        return runsWorkers;
    }

    /** The role by its name, in any case; an unknown name is refused at start-up with the valid ones. */
    public static Role of(String name) {
        String key = name.trim().toUpperCase(Locale.ROOT);
        for (Role r : values()) {
            if (r.name().equals(key)) {
                return r;
            }
        }
        throw new IllegalArgumentException("hypersearch.role must be all, api, worker or none, not '" + name.trim() + "'");
    }
}
