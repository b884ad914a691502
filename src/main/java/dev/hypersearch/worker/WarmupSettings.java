package dev.hypersearch.worker;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.boot.convert.DurationUnit;

/**
 * The engine's start-up warm-up under {@code hypersearch.warmup.*} (worker processes only; see {@link EngineWarmup}).
 *
 * @param enabled whether a worker process trains small synthetic nets at start-up, before its workers claim their
 *                first trial, so that the first trial runs at steady-state speed; default true
 * @param budget  the most CPU time the warm-up may take (at most four times that in wall-clock time on a busy
 *                machine); the workers claim as soon as it ends; default 5 s
 */
@ConfigurationProperties("hypersearch.warmup")
public record WarmupSettings(Boolean enabled, @Name("budget-seconds") @DurationUnit(ChronoUnit.SECONDS) Duration budget) {

    public WarmupSettings {
        enabled = enabled == null || enabled;
        budget = budget == null || budget.isNegative() ? Duration.ofSeconds(5) : budget;
    }

    /** Whether the warm-up runs at all (enabled, with a budget above zero). */
    public boolean runs() {
        return enabled && !budget.isZero();
    }
}
