package dev.hypersearch.store;

import dev.hypersearch.search.TrialStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The ids of one leaderboard page, read in the order of the index that serves its sort (V10: one per key and
 * direction, nulls last, ties by number), so a page costs its own rows (plus the offset's index entries), never a
 * sort of the search's trials. H2 picks an index for the WHERE clause by cost and then sorts whenever that is not
 * the sort's index, so on H2 the index is named ({@link SqlDialect#indexHint}); PostgreSQL picks it by itself.
 */
@Repository
public class LeaderboardPages {

    /** Columns with a leaderboard index per direction (V10). */
    private static final Set<String> INDEXED = Set.of("number", "status", "val_loss", "best_val_loss", "val_accuracy",
            "train_loss", "epochs_run", "duration_ms", "stage");
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
        String column = CAMEL.matcher(sortProperty).replaceAll("$1_$2").toLowerCase(java.util.Locale.ROOT);
        if (!COLUMN.matcher(column).matches()) {
            throw new IllegalArgumentException("not a column: " + sortProperty);
        }
        String dir = descending ? "DESC" : "ASC";
        String index = INDEXED.contains(column) ? "trial_board_" + column + "_" + dir.toLowerCase(java.util.Locale.ROOT) : null;
        StringBuilder sql = new StringBuilder("SELECT id FROM trial").append(dialect.indexHint(index))
                .append(" WHERE search_id = ?");
        List<Object> args = new ArrayList<>(List.of(searchId));
        if (!statuses.isEmpty()) {
            sql.append(" AND status IN (").append(String.join(", ", statuses.stream().map(s -> "?").toList()))
                    .append(")");
            statuses.forEach(s -> args.add(s.name()));
        }
        sql.append(" ORDER BY search_id, ").append(column).append(' ').append(dir).append(" NULLS LAST");
        if (!column.equals("number")) {
            sql.append(", number");
        }
        sql.append(" OFFSET ? ROWS FETCH FIRST ? ROWS ONLY");
        args.add(offset);
        args.add(limit);
        return jdbc.queryForList(sql.toString(), Long.class, args.toArray());
    }
}
