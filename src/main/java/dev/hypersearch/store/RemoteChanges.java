package dev.hypersearch.store;

import dev.hypersearch.HypersearchProperties;
import dev.hypersearch.search.TrialStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Brings trials and searches changed by other processes into this one as the same in-process events its own
 * workers publish, so the api process's live streams show work done anywhere. On PostgreSQL one connection
 * LISTENs on this schema's channel ({@link TrialNotices}); notifications arrive as their transactions commit.
 * After every (re)connect it first LISTENs, then reads what ended while it was not listening (trials and
 * searches finished since the last moment it knew it was connected, less a margin for transactions that began
 * earlier and committed later): nothing is missed, and a repeat is harmless (an ended trial stays ended). On H2
 * it does nothing: the embedded database has one process, which publishes its own changes.
 */
@Component
public class RemoteChanges implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RemoteChanges.class);
    /** How long a wait for notifications lasts; also how often the connection is checked. */
    private static final int WAIT_MILLIS = 500;
    private static final Duration CHECK_EVERY = Duration.ofSeconds(5);
    /** Trials are stamped with their transaction's start; results are written in short transactions. */
    private static final Duration CATCH_UP_MARGIN = Duration.ofSeconds(30);
    private static final int CATCH_UP_LIMIT = 10_000;

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final TrialNotices notices;
    private final ApplicationEventPublisher events;
    private final boolean enabled;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;
    /** Database time up to which this process has heard of every change; null before the first connect. */
    private OffsetDateTime heardUpTo;

    RemoteChanges(DataSource dataSource, SqlDialect dialect, TrialNotices notices, ApplicationEventPublisher events,
                  HypersearchProperties props) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.notices = notices;
        this.events = events;
        this.enabled = dialect.notifies() && props.servesApi();
    }

    /** Whether the listening connection is up (for tests and health). */
    public boolean listening() {
        return listening;
    }

    @Override
    public void start() {
        running = true;
        if (!enabled) {
            return;
        }
        thread = new Thread(this::run, "remote-changes");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        int failures = 0;
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                listen(c);
                failures = 0;
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running) {
                    return;
                }
                failures++;
                if (failures == 1) {
                    log.warn("listening for other processes' changes failed: {}; reconnecting", e.toString());
                }
                try {
                    Thread.sleep(Math.min(5_000, 250L * failures));
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void listen(Connection c) throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            // named, so an operator (or a test) can find this connection in pg_stat_activity
            s.execute("SET application_name = '" + notices.channel() + "_listener'");
            s.execute("LISTEN " + notices.channel());
        }
        OffsetDateTime now = databaseTime(c);
        if (heardUpTo != null) {
            catchUp(c, heardUpTo.minus(CATCH_UP_MARGIN));
        }
        heardUpTo = now;
        listening = true;
        PGConnection pg = c.unwrap(PGConnection.class);
        long nextCheck = System.nanoTime() + CHECK_EVERY.toNanos();
        while (running) {
            PGNotification[] received = pg.getNotifications(WAIT_MILLIS);
            if (received != null) {
                for (PGNotification n : received) {
                    publish(n.getParameter());
                }
            }
            if (System.nanoTime() > nextCheck) { // a dead connection shows here, and the time is what we heard up to
                heardUpTo = databaseTime(c);
                nextCheck = System.nanoTime() + CHECK_EVERY.toNanos();
            }
        }
    }

    private static OffsetDateTime databaseTime(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT CURRENT_TIMESTAMP")) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class);
        }
    }

    /** Trials and searches that ended since {@code since}, as the events their notifications would have been. */
    private void catchUp(Connection c, OffsetDateTime since) throws SQLException {
        int trials = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT search_id, id, number, status FROM trial"
                + " WHERE finished_at >= ? ORDER BY finished_at FETCH FIRST " + CATCH_UP_LIMIT + " ROWS ONLY")) {
            ps.setObject(1, since);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    trials++;
                    events.publishEvent(new TrialChangedEvent(rs.getLong(1), rs.getLong(2), rs.getInt(3),
                            TrialStatus.valueOf(rs.getString(4)), null));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id, status FROM search WHERE finished_at >= ?")) {
            ps.setObject(1, since);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.publishEvent(new SearchChangedEvent(rs.getLong(1), SearchStatus.valueOf(rs.getString(2))));
                }
            }
        }
        log.info("listening again for other processes' changes; caught up on {} trials ended since {}", trials, since);
    }

    /** One notification as the in-process event; this process's own changes were published already. */
    void publish(String payload) {
        String[] f = payload.split("\\|");
        if (f.length < 4 || f[0].equals(TrialNotices.ORIGIN)) {
            return;
        }
        try {
            if (f[1].equals("t") && f.length == 6) {
                events.publishEvent(new TrialChangedEvent(Long.parseLong(f[2]), Long.parseLong(f[3]),
                        Integer.parseInt(f[4]), TrialStatus.valueOf(f[5]), null));
            } else if (f[1].equals("s")) {
                events.publishEvent(new SearchChangedEvent(Long.parseLong(f[2]), SearchStatus.valueOf(f[3])));
            }
        } catch (IllegalArgumentException e) {
            log.debug("ignored notification '{}': {}", payload, e.toString());
        }
    }
}
