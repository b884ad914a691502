package dev.hypersearch.search;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The TPE strategy's settings (spec field {@code tpe}), as Optuna's TPESampler names them: the first
 * {@code startupTrials} trials are random; later ones sample {@code candidates} points from the density of the
 * best {@code gamma} fraction of the finished trials and keep the one most likely under it relative to the rest.
 */
public record TpeSettings(int startupTrials, int candidates, double gamma) {

    public static final int DEFAULT_STARTUP_TRIALS = 10;
    public static final int DEFAULT_CANDIDATES = 24;
    public static final double DEFAULT_GAMMA = 0.25;
    public static final TpeSettings DEFAULTS = new TpeSettings(DEFAULT_STARTUP_TRIALS, DEFAULT_CANDIDATES, DEFAULT_GAMMA);
    static final List<String> FIELDS = List.of("startupTrials", "candidates", "gamma");

    public TpeSettings {
        if (startupTrials < 1) {
            throw new IllegalArgumentException("startupTrials must be >= 1, was " + startupTrials);
        }
        if (candidates < 1) {
            throw new IllegalArgumentException("candidates must be >= 1, was " + candidates);
        }
        if (!(gamma > 0 && gamma < 1)) {
            throw new IllegalArgumentException("gamma must be in (0, 1), was " + gamma);
        }
    }

    /** Parses the field alone; errors are reported under {@code tpe}. */
    public static TpeSettings parse(Object raw) {
        Errors errors = new Errors();
        TpeSettings s = TpeParser.parse(raw, "tpe", errors);
        errors.throwIfAny();
        return s;
    }

    /**
     * How many of {@code ranked} finished trials are "good": {@code ceil(gamma * ranked)}, computed in decimal so
     * that 0.3 of 10 is 3; 0 when nothing is ranked.
     */
    public int goodCount(int ranked) {
        if (ranked <= 0) {
            return 0;
        }
        return BigDecimal.valueOf(gamma).multiply(BigDecimal.valueOf(ranked))
                .setScale(0, RoundingMode.CEILING).intValueExact();
    }

    /** The JSON-shaped form that {@link #parse} reads back. */
    public Map<String, Object> toRaw() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("startupTrials", startupTrials);
        m.put("candidates", candidates);
        m.put("gamma", gamma);
        return m;
    }
}
