package dev.hypersearch.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.Application;
import dev.hypersearch.scaleout.Await;
import dev.hypersearch.scaleout.Searches;
import dev.hypersearch.search.SearchSpec;
import dev.hypersearch.search.Strategies;
import dev.hypersearch.search.Strategy;
import dev.hypersearch.search.TrialParams;
import dev.hypersearch.store.SearchChangedEvent;
import dev.hypersearch.store.SearchEntities;
import dev.hypersearch.store.SearchLifecycle;
import dev.hypersearch.store.SearchStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Stopping a worker process (context close: what SIGTERM triggers) on the embedded database: with no grace
 * the running trial goes straight back to the queue; with a grace period it is finished first.
 */
class WorkerShutdownIT {

    static final String DB = "jdbc:h2:mem:worker-shutdown;DB_CLOSE_DELAY=-1";

    static ConfigurableApplicationContext start(int graceSeconds) {
        return new SpringApplication(Application.class).run("--spring.datasource.url=" + DB,
                "--hypersearch.role=all", "--hypersearch.workers=1", "--hypersearch.poll-millis=50",
                "--hypersearch.heartbeat-seconds=1",
                "--hypersearch.shutdown-grace-seconds=" + graceSeconds, "--spring.main.web-application-type=none",
                "--spring.jmx.enabled=false");
    }

    static long submit(ConfigurableApplicationContext ctx, int epochs) {
        Map<String, Object> raw = Searches.spec("shutdown", "iris", 1, 10, 16, 8);
        SearchSpec spec = SearchSpec.parse(raw);
        Strategy strategy = Strategies.create(spec);
        // Epochs beyond the spec's limit for the endless one.
        List<TrialParams> params = List.of(strategy.paramsFor(0).withEpochs(epochs));
        long id = ctx.getBean(SearchLifecycle.class).create(SearchEntities.of(raw, 1, Instant.now()), params)
                .getId();
        ctx.publishEvent(new SearchChangedEvent(id, SearchStatus.RUNNING));
        return id;
    }

    static Map<String, Object> trialOf(JdbcTemplate jdbc, long searchId) {
        return jdbc.queryForMap("SELECT t.status, t.attempt, t.worker_id, t.epochs_run,"
                + " (SELECT COUNT(*) FROM trial_epoch e WHERE e.trial_id = t.id) AS epochs FROM trial t"
                + " WHERE t.search_id = ?", searchId);
    }

    static void awaitMidTraining(JdbcTemplate jdbc, long searchId) {
        Await.until(Duration.ofMinutes(2), "the trial to be mid-training", () -> {
            Map<String, Object> t = trialOf(jdbc, searchId);
            return "RUNNING".equals(t.get("STATUS")) && ((Number) t.get("EPOCHS")).longValue() > 0;
        });
    }

    @Test
    void withoutGraceARunningTrialIsHandedBackAtOnceAndWithGraceItIsFinished() {
        // Reads go through a connection of their own: each context closes its pool.
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(DB, "sa", ""));
        long forever;
        ConfigurableApplicationContext first = start(0);
        try {
            forever = submit(first, 1_000_000);
            awaitMidTraining(jdbc, forever);
        } finally {
            first.close();
        }
        Map<String, Object> released = trialOf(jdbc, forever);
        assertThat(released.get("STATUS")).isEqualTo("QUEUED");
        assertThat(released.get("ATTEMPT")).isEqualTo(0);
        assertThat(released.get("WORKER_ID")).isNull();
        assertThat(released.get("EPOCHS")).isEqualTo(0L);

        ConfigurableApplicationContext second = start(120);
        long finite;
        try {
            // The endless trial would be claimed again first (lowest number): cancel its search.
            second.getBean(SearchLifecycle.class).cancel(forever);
            finite = submit(second, 2000);
            awaitMidTraining(jdbc, finite);
        } finally {
            second.close();
        }
        Map<String, Object> finished = trialOf(jdbc, finite);
        assertThat(finished.get("STATUS")).isEqualTo("COMPLETED");
        assertThat(finished.get("ATTEMPT")).isEqualTo(1);
        assertThat(finished.get("EPOCHS_RUN")).isEqualTo(2000);
        assertThat(finished.get("EPOCHS")).isEqualTo(2000L);
    }
}
