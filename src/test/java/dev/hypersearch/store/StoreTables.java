package dev.hypersearch.store;

import org.springframework.jdbc.core.JdbcTemplate;

/** The store contracts' common start: every search and trial row gone, children first. */
final class StoreTables {

    private StoreTables() {
    }

    static void empty(JdbcTemplate jdbc) {
        jdbc.update("DELETE FROM model");
        jdbc.update("DELETE FROM trial_epoch");
        jdbc.update("DELETE FROM trial_fold_epoch");
        jdbc.update("DELETE FROM trial");
        jdbc.update("DELETE FROM search_stage");
        jdbc.update("DELETE FROM search_trial_count");
        jdbc.update("DELETE FROM search");
    }
}
