package dev.hypersearch.search.pruning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Five peers with hand-computed best-so-far medians. At epoch 3 their bests are 0.8, 0.9, 0.7, 1.3 and
 * 0.85: median 0.85. At epoch 5 peer 5 (4 epochs only) drops out: bests 0.6, 0.8, 0.6, 1.1, median 0.7.
 */
class MedianPrunerTest {

    private static final long ME = 9;

    private static PeerCurves peers() {
        return new PeerCurves()
                .put(1, List.of(1.0, 0.9, 0.8, 0.7, 0.6, 0.5))
                .put(2, List.of(1.2, 1.0, 0.9, 0.85, 0.8, 0.8))
                .put(3, List.of(0.8, 0.7, 0.75, 0.6, 0.65, 0.55))
                .put(4, List.of(1.5, 1.4, 1.3, 1.2, 1.1, 1.0))
                .put(5, List.of(0.9, 0.95, 0.85, 0.9));
    }

    @Test
    void prunesWhenTheBestSoFarIsWorseThanThePeersMedian() {
        PruneDecision d = new MedianPruner(2, 5).decide(ME, List.of(1.0, 0.9, 0.86), peers());
        assertThat(d.prune()).isTrue();
        assertThat(d.rule()).isEqualTo("median");
        assertThat(d.epoch()).isEqualTo(3);
        assertThat(d.rung()).isNull();
        assertThat(d.value()).isEqualTo(0.86);
        assertThat(d.threshold()).isEqualTo(0.85);
        assertThat(d.reason()).contains("0.86", "0.85", "5 other trials", "epoch 3");
    }

    @Test
    void comparesTheBestSoFarNotTheLastValue() {
        // Last value 1.4 is bad, but the best so far (0.84) beats the median 0.85.
        assertThat(new MedianPruner(2, 5).decide(ME, List.of(0.84, 1.2, 1.4), peers()).prune()).isFalse();
    }

    @Test
    void equalToTheMedianContinues() {
        PruneDecision d = new MedianPruner(2, 5).decide(ME, List.of(1.0, 0.9, 0.85), peers());
        assertThat(d.prune()).isFalse();
        assertThat(d.threshold()).isEqualTo(0.85);
    }

    @Test
    void noDecisionDuringWarmup() {
        MedianPruner pruner = new MedianPruner(2, 5);
        PruneDecision d = pruner.decide(ME, List.of(5.0, 5.0), peers());
        assertThat(d.prune()).isFalse();
        assertThat(d.reason()).contains("warm-up");
        assertThat(d.threshold()).isNaN();
        // The first epoch after the warm-up is judged.
        assertThat(pruner.decide(ME, List.of(5.0, 5.0, 5.0), peers()).prune()).isTrue();
        // warmupEpochs 0 judges epoch 1: bests at epoch 1 are 1.0, 1.2, 0.8, 1.5, 0.9, median 1.0.
        assertThat(new MedianPruner(0, 5).decide(ME, List.of(1.01), peers()).prune()).isTrue();
        assertThat(new MedianPruner(0, 5).decide(ME, List.of(1.0), peers()).prune()).isFalse();
    }

    @Test
    void noDecisionUntilEnoughOtherTrialsReachedTheEpoch() {
        List<Double> bad = List.of(2.0, 2.0, 2.0, 2.0, 2.0);
        PruneDecision fivePeersNeeded = new MedianPruner(2, 5).decide(ME, bad, peers());
        assertThat(fivePeersNeeded.prune()).isFalse();
        assertThat(fivePeersNeeded.reason()).contains("4 other trials");

        PruneDecision fourSuffice = new MedianPruner(2, 4).decide(ME, List.of(2.0, 2.0, 2.0, 2.0, 0.71), peers());
        assertThat(fourSuffice.prune()).isTrue();
        assertThat(fourSuffice.threshold()).isCloseTo(0.7, within(1e-12)); // even count: mean of 0.6 and 0.8
        assertThat(new MedianPruner(2, 4).decide(ME, List.of(2.0, 2.0, 2.0, 2.0, 0.69), peers()).prune()).isFalse();
    }

    @Test
    void theTrialsOwnStoredCurveIsNotAPeer() {
        PeerCurves withMe = peers().put(ME, List.of(1.0, 0.9, 0.86));
        PruneDecision d = new MedianPruner(2, 5).decide(ME, List.of(1.0, 0.9, 0.86), withMe);
        assertThat(d.prune()).isTrue();
        assertThat(d.threshold()).isEqualTo(0.85);
        assertThat(new MedianPruner(2, 6).decide(ME, List.of(1.0, 0.9, 0.86), withMe).prune()).isFalse();
    }

    @Test
    void exactDecisionsAlongACurve() {
        // Epoch by epoch against the five peers with warm-up 1 and startup 4.
        List<Double> curve = List.of(1.1, 1.0, 0.8, 0.75, 0.7, 0.52);
        MedianPruner pruner = new MedianPruner(1, 4);
        List<Boolean> decisions = new java.util.ArrayList<>();
        for (int e = 1; e <= curve.size(); e++) {
            decisions.add(pruner.decide(ME, curve.subList(0, e), peers()).prune());
        }
        // e1 warm-up; e2 best 1.0 vs median(0.9,1.0,0.7,1.4,0.9)=0.9 prune; e3 0.8 vs 0.85 keep;
        // e4 0.75 vs median(0.7,0.85,0.6,1.2,0.85)=0.85 keep; e5 0.7 vs 0.7 keep; e6 0.52 vs median(0.5,0.8,0.55,1.0)=0.675 keep
        assertThat(decisions).containsExactly(false, true, false, false, false, false);
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> new MedianPruner(-1, 5)).hasMessageContaining("warmupEpochs");
        assertThatThrownBy(() -> new MedianPruner(0, 0)).hasMessageContaining("startupTrials");
    }
}
