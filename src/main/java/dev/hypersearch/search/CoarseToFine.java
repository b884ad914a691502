package dev.hypersearch.search;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The coarse-to-fine strategy's settings (spec field {@code coarseToFine}): {@code stages} rounds of
 * {@code trialsPerStage} random trials each. Stage 1 samples the spec's space; every later stage samples
 * the space {@link #nextSpace narrowed} to the best {@code topFraction} of the previous stage's finished
 * trials. Stages are numbered from 1; trial numbers run on across stages, stage s owning
 * {@code [(s-1)*trialsPerStage, s*trialsPerStage)}.
 */
public record CoarseToFine(int stages, int trialsPerStage, double topFraction) {

    public static final int DEFAULT_STAGES = 3;
    public static final double DEFAULT_TOP_FRACTION = 0.25;
    static final List<String> FIELDS = List.of("stages", "trialsPerStage", "topFraction");

    public CoarseToFine {
        if (stages < 2) {
            throw new IllegalArgumentException("stages must be >= 2, was " + stages);
        }
        if (trialsPerStage < 1) {
            throw new IllegalArgumentException("trialsPerStage must be >= 1, was " + trialsPerStage);
        }
        if (!(topFraction > 0 && topFraction <= 1)) {
            throw new IllegalArgumentException("topFraction must be in (0, 1], was " + topFraction);
        }
    }

    /** Parses the field alone; errors are reported under {@code coarseToFine}. */
    public static CoarseToFine parse(Object raw) {
        Errors errors = new Errors();
        CoarseToFine c = CoarseToFineParser.parse(raw, "coarseToFine", errors);
        errors.throwIfAny();
        return c;
    }

    public long totalTrials() {
        return (long) stages * trialsPerStage;
    }

    /** The stage (1-based) trial {@code trialNumber} belongs to. */
    public int stageOf(long trialNumber) {
        if (trialNumber < 0 || trialNumber >= totalTrials()) {
            throw new IndexOutOfBoundsException("trial " + trialNumber + " outside [0, " + totalTrials() + ")");
        }
        return (int) (trialNumber / trialsPerStage) + 1;
    }

    /** The first trial number of {@code stage}. */
    public long firstTrial(int stage) {
        checkStage(stage);
        return (long) (stage - 1) * trialsPerStage;
    }

    /**
     * How many of {@code finished} trials make the top fraction: {@code ceil(topFraction * finished)}, at
     * least 1. Decimal arithmetic, so 0.3 of 10 is 3, not the 4 that {@code ceil(0.3 * 10.0)} would give.
     */
    public int topCount(int finished) {
        if (finished < 1) {
            throw new IllegalArgumentException("need at least one finished trial");
        }
        BigDecimal exact = BigDecimal.valueOf(topFraction).multiply(BigDecimal.valueOf(finished));
        return Math.max(1, exact.setScale(0, RoundingMode.CEILING).intValueExact());
    }

    /** Stage {@code stage}'s trials, sampled from {@code space} (stage 1: the spec's space). */
    public StageStrategy stage(int stage, Space space, long seed) {
        checkStage(stage);
        return new StageStrategy(this, stage, space, seed);
    }

    /**
     * The next stage's space from this stage's space and its finished trials (see {@link Narrowing}). Pass
     * the trials that ran to completion: a pruned or diverged trial's loss does not rank it fairly.
     */
    public Space nextSpace(Space stageSpace, List<StageResult> finished) {
        return Narrowing.narrow(stageSpace, finished, this);
    }

    /** The JSON-shaped form that {@link #parse} reads back. */
    public Map<String, Object> toRaw() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stages", stages);
        m.put("trialsPerStage", trialsPerStage);
        m.put("topFraction", topFraction);
        return m;
    }

    private void checkStage(int stage) {
        if (stage < 1 || stage > stages) {
            throw new IllegalArgumentException("stage must be in [1, " + stages + "], was " + stage);
        }
    }
}
