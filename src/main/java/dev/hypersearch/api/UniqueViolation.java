package dev.hypersearch.api;

import java.sql.SQLException;

/**
 * Tells a unique-constraint conflict (SQLState 23505 on PostgreSQL and H2 alike) from the other integrity
 * violations: only the former is the client's 409; a NOT NULL or CHECK failure is a validation gap.
 */
final class UniqueViolation {

    static final String SQL_STATE = "23505";

    private UniqueViolation() {
    }

    static boolean isCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (SQL_STATE.equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
