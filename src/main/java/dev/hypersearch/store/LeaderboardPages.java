package dev.hypersearch.store;

import dev.hypersearch.search.TrialStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The ids of one leaderboard page, read in the order of the index that serves its sort (V10, V11, V13, V14: one per key
 * and direction the page offers, nulls last, ties by number; number by the (search_id, number) unique constraint), so a page costs its own rows (plus the offset's index entries), never a
 * sort of the search's trials. H2 picks an index for the WHERE clause by cost and then sorts whenever that is not
 * the sort's index, so on H2 the index is named ({@link SqlDialect#indexHint}); PostgreSQL picks it by itself.
 */
@Repository
public class LeaderboardPages {

    /**
     * Leaderboard indexes (V10, V11, V13, V14): both directions of the columns the page offers (classification and
     * regression scores), the natural direction of best validation loss and training loss; number ascending is the
     * (search_id, number) unique constraint.
     */
    private static final Set<String> INDEXED = Set.of("trial_board_status_asc", "trial_board_status_desc",
            "trial_board_val_loss_asc", "trial_board_val_loss_desc", "trial_board_best_val_loss_asc",
            "trial_board_val_accuracy_desc", "trial_board_val_accuracy_asc", "trial_board_train_loss_asc",
            "trial_board_epochs_run_asc", "trial_board_epochs_run_desc", "trial_board_duration_ms_asc",
            "trial_board_duration_ms_desc", "trial_board_stage_asc", "trial_board_stage_desc",
            "trial_board_number_desc", "trial_board_val_r2_asc", "trial_board_val_r2_desc",
            "trial_board_val_rmse_asc", "trial_board_val_rmse_desc", "trial_board_val_mae_asc",
            "trial_board_val_mae_desc", "trial_board_val_f1_asc", "trial_board_val_f1_desc");
    private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");
    private static final Pattern COLUMN = Pattern.compile("[a-z][a-z0-9_]*");

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;

    LeaderboardPages(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /**
     * @param sortProperty a whitelisted TrialEntity property (the API checked it), e.g. valLoss
     * @param statuses     empty for every status
     */
    public List<Long> ids(long searchId, String sortProperty, boolean descending, Collection<TrialStatus> statuses,
                          long offset, int limit) {
        String column = column(sortProperty);
        StringBuilder sql = select(searchId, column, descending, statuses);
        List<Object> args = args(searchId, statuses);
        sql.append(order(column, descending)).append(" OFFSET ? ROWS FETCH FIRST ? ROWS ONLY");
        args.add(offset);
        args.add(limit);
        return jdbc.queryForList(sql.toString(), Long.class, args.toArray());
    }

    /**
     * The page that follows the row of trial {@code afterNumber} in this order (keyset pagination): read from the
     * index at that row's key, so a deep page costs what the first does: the rest of that key's ties, the keys
     * past it, then the rows without a key (nulls last, by number), each part a range of the sort's index. Empty when there is no such
     * trial in the search; the caller then reads by offset.
     */
    public Optional<List<Long>> idsAfter(long searchId, String sortProperty, boolean descending,
                                         Collection<TrialStatus> statuses, int afterNumber, int limit) {
        String column = column(sortProperty);
        List<Object> keys = jdbc.queryForList("SELECT " + column + " FROM trial WHERE search_id = ? AND number = ?",
                Object.class, searchId, afterNumber);
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        Object key = keys.get(0);
        if (column.equals("number")) {
            StringBuilder sql = select(searchId, column, descending, statuses);
            List<Object> args = args(searchId, statuses);
            sql.append(descending ? " AND number < ?" : " AND number > ?").append(order(column, descending))
                    .append(" FETCH FIRST ? ROWS ONLY");
            args.add(afterNumber);
            args.add(limit);
            return Optional.of(jdbc.queryForList(sql.toString(), Long.class, args.toArray()));
        }
        List<Long> ids = new ArrayList<>(limit);
        if (key != null) {
            // the ties of the cursor's key after it, then the keys past it: each a range of the sort's index
            StringBuilder ties = select(searchId, column, descending, statuses);
            List<Object> args = args(searchId, statuses);
            ties.append(" AND ").append(column).append(" = ? AND number > ?").append(order(column, descending))
                    .append(" FETCH FIRST ? ROWS ONLY");
            args.addAll(List.of(key, afterNumber, limit));
            ids.addAll(jdbc.queryForList(ties.toString(), Long.class, args.toArray()));
            if (ids.size() < limit) {
                StringBuilder past = select(searchId, column, descending, statuses);
                args = args(searchId, statuses);
                past.append(" AND ").append(column).append(descending ? " < ?" : " > ?")
                        .append(order(column, descending)).append(" FETCH FIRST ? ROWS ONLY");
                args.addAll(List.of(key, limit - ids.size()));
                ids.addAll(jdbc.queryForList(past.toString(), Long.class, args.toArray()));
            }
        }
        if (ids.size() < limit) {
            StringBuilder sql = select(searchId, column, descending, statuses);
            List<Object> args = args(searchId, statuses);
            sql.append(" AND ").append(column).append(" IS NULL");
            if (key == null) {
                sql.append(" AND number > ?");
                args.add(afterNumber);
            }
            sql.append(order(column, descending)).append(" FETCH FIRST ? ROWS ONLY");
            args.add(limit - ids.size());
            ids.addAll(jdbc.queryForList(sql.toString(), Long.class, args.toArray()));
        }
        return Optional.of(ids);
    }

    private static String column(String sortProperty) {
        String column = CAMEL.matcher(sortProperty).replaceAll("$1_$2").toLowerCase(java.util.Locale.ROOT);
        if (!COLUMN.matcher(column).matches()) {
            throw new IllegalArgumentException("not a column: " + sortProperty);
        }
        return column;
    }

    /** SELECT id ... WHERE search_id = ? and the status filter, reading the sort's index on H2. */
    private StringBuilder select(long searchId, String column, boolean descending, Collection<TrialStatus> statuses) {
        String named = "trial_board_" + column + (descending ? "_desc" : "_asc");
        String index = INDEXED.contains(named) ? named : null;
        StringBuilder sql = new StringBuilder("SELECT id FROM trial").append(dialect.indexHint(index))
                .append(" WHERE search_id = ?");
        if (!statuses.isEmpty()) {
            sql.append(" AND status IN (").append(String.join(", ", statuses.stream().map(s -> "?").toList()))
                    .append(")");
        }
        return sql;
    }

    private static List<Object> args(long searchId, Collection<TrialStatus> statuses) {
        List<Object> args = new ArrayList<>(List.of(searchId));
        statuses.forEach(s -> args.add(s.name()));
        return args;
    }

    /** Nulls last in both directions, ties by number. */
    private static String order(String column, boolean descending) {
        String dir = descending ? "DESC" : "ASC";
        if (column.equals("number")) {
            return " ORDER BY search_id, number " + dir;
        }
        return " ORDER BY search_id, " + column + ' ' + dir + " NULLS LAST, number";
    }
}
