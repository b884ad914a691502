package dev.hypersearch.store;

import dev.hypersearch.search.TrialStatus;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells api processes elsewhere that a trial changed status or a search ended: on PostgreSQL a NOTIFY in the
 * change's own transaction (delivered at commit, dropped with a rollback) on a channel of this schema; on H2
 * nothing, since the only process already publishes the change in-process. {@link RemoteChanges} listens.
 * Payload: {@code origin|t|searchId|trialId|number|STATUS} or {@code origin|s|searchId|STATUS}; the origin
 * lets a process skip its own changes, which it has published in-process already.
 */
@Component
public class TrialNotices {

    /** This process, in payloads. */
    static final String ORIGIN = UUID.randomUUID().toString().substring(0, 8);

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private volatile String channel;

    TrialNotices(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    void trialChanged(long searchId, long trialId, int number, TrialStatus status) {
        notify(ORIGIN + "|t|" + searchId + "|" + trialId + "|" + number + "|" + status.name());
    }

    void searchChanged(long searchId, SearchStatus status) {
        notify(ORIGIN + "|s|" + searchId + "|" + status.name());
    }

    private void notify(String payload) {
        if (dialect.notifies()) {
            jdbc.query("SELECT pg_notify(?, ?)", rs -> null, channel(), payload);
        }
    }

    /** NOTIFY channels are per database, schemas share them: the channel is named after this schema. */
    String channel() {
        if (channel == null) {
            channel = channelOf(jdbc.queryForObject("SELECT current_schema()", String.class));
        }
        return channel;
    }

    static String channelOf(String schema) {
        return ("hypersearch_" + schema).replaceAll("[^A-Za-z0-9_]", "_").toLowerCase(java.util.Locale.ROOT);
    }
}
