package dev.hypersearch.search.pruning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AshaPrunerTest {

    /** A curve whose epoch-{@code epoch} value is {@code value} (earlier epochs irrelevant to ASHA). */
    private static List<Double> reaching(int epoch, double value) {
        List<Double> curve = new ArrayList<>(Collections.nCopies(epoch - 1, 9.0));
        curve.add(value);
        return curve;
    }

    @Test
    void rungsAreMinEpochsTimesPowersOfEtaBelowMaxEpochs() {
        assertThat(new AshaPruner(1, 3, 27).rungEpochs()).containsExactly(1, 3, 9);
        assertThat(new AshaPruner(1, 3, 28).rungEpochs()).containsExactly(1, 3, 9, 27);
        assertThat(new AshaPruner(2, 2, 20).rungEpochs()).containsExactly(2, 4, 8, 16);
        assertThat(new AshaPruner(5, 3, 5).rungEpochs()).isEmpty();
        assertThat(new AshaPruner(1, 3, 27).checkpoints()).containsExactly(1, 3, 9);
    }

    @Test
    void ofNineTrialsAtARungOnlyTheTopThreeContinue() {
        AshaPruner asha = new AshaPruner(1, 3, 27);
        PeerCurves rung = new PeerCurves();
        double[] values = {0.5, 0.2, 0.9, 0.1, 0.7, 0.3, 0.8, 0.4, 0.6}; // trial i has values[i]
        for (int i = 0; i < values.length; i++) {
            rung.put(i, List.of(values[i]));
        }
        List<Long> continuing = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            PruneDecision d = asha.decide(i, List.of(values[i]), rung);
            assertThat(d.rule()).isEqualTo("asha");
            assertThat(d.rung()).isZero();
            assertThat(d.threshold()).isEqualTo(0.3);
            assertThat(d.value()).isEqualTo(values[i]);
            if (!d.prune()) {
                continuing.add((long) i);
            }
        }
        assertThat(continuing).containsExactly(1L, 3L, 5L); // values 0.2, 0.1, 0.3
    }

    @Test
    void tiesAtTheThresholdAllContinue() {
        AshaPruner asha = new AshaPruner(1, 3, 27);
        PeerCurves rung = new PeerCurves();
        double[] values = {0.5, 0.5, 0.5, 0.5, 0.9, 0.9};
        for (int i = 0; i < values.length; i++) {
            rung.put(i, List.of(values[i]));
        }
        List<Boolean> pruned = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            pruned.add(asha.decide(i, List.of(values[i]), rung).prune());
        }
        // 6 trials: the top floor(6/3) = 2 promote; the 2nd best is 0.5, and every 0.5 ties with it.
        assertThat(pruned).containsExactly(false, false, false, false, true, true);
    }

    @Test
    void withFewerThanEtaTrialsAtTheRungEveryoneContinues() {
        AshaPruner asha = new AshaPruner(1, 3, 27);
        PeerCurves rung = new PeerCurves().put(0, List.of(0.1));
        PruneDecision d = asha.decide(1, List.of(5.0), rung);
        assertThat(d.prune()).isFalse();
        assertThat(d.threshold()).isNaN();
        assertThat(d.reason()).contains("2 trials", "fewer than eta 3");
    }

    @Test
    void decidesAsynchronouslyWithWhatIsKnownNow() {
        AshaPruner asha = new AshaPruner(1, 3, 27);
        PeerCurves rung = new PeerCurves().put(0, List.of(0.4)).put(1, List.of(0.2));
        // Third arrival: 3 trials, 1 promotes, threshold 0.2.
        assertThat(asha.decide(2, List.of(0.3), rung).prune()).isTrue();
        assertThat(asha.decide(2, List.of(0.1), rung).prune()).isFalse();
        // Trials that have not reached the rung epoch yet do not count; those that passed it do.
        rung.put(2, List.of(0.3)).put(3, List.of());
        PruneDecision fourth = asha.decide(4, List.of(0.25), rung);
        assertThat(fourth.prune()).isTrue();
        assertThat(fourth.threshold()).isEqualTo(0.2);
    }

    @Test
    void atALaterRungItComparesValuesAtThatEpochOnly() {
        AshaPruner asha = new AshaPruner(1, 3, 27);
        PeerCurves peers = new PeerCurves()
                .put(0, List.of(0.1, 0.1, 0.6))   // good early, 0.6 at epoch 3
                .put(1, List.of(0.9, 0.8, 0.5))
                .put(2, List.of(0.9, 0.9, 0.7))
                .put(3, List.of(0.2, 0.3));       // not at epoch 3 yet
        PruneDecision d = asha.decide(4, reaching(3, 0.55), peers);
        assertThat(d.rung()).isEqualTo(1);
        assertThat(d.epoch()).isEqualTo(3);
        // Values at epoch 3: 0.6, 0.5, 0.7 and its own 0.55: top floor(4/3) = 1 is 0.5.
        assertThat(d.threshold()).isEqualTo(0.5);
        assertThat(d.prune()).isTrue();
        assertThat(asha.decide(4, reaching(3, 0.45), peers).prune()).isFalse();
    }

    @Test
    void noDecisionBetweenRungsNorAtTheLastEpoch() {
        AshaPruner asha = new AshaPruner(1, 3, 9);
        PeerCurves worse = new PeerCurves();
        for (int i = 0; i < 9; i++) {
            worse.put(i, Collections.nCopies(9, 0.1));
        }
        PruneDecision between = asha.decide(99, reaching(2, 5.0), worse);
        assertThat(between.prune()).isFalse();
        assertThat(between.rung()).isNull();
        assertThat(between.reason()).contains("not a rung");
        assertThat(asha.decide(99, reaching(9, 5.0), worse).prune()).isFalse(); // 9 = maxEpochs: no rung
        assertThat(asha.decide(99, reaching(3, 5.0), worse).prune()).isTrue();
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> new AshaPruner(0, 3, 10)).hasMessageContaining("minEpochs");
        assertThatThrownBy(() -> new AshaPruner(1, 1, 10)).hasMessageContaining("eta");
        assertThatThrownBy(() -> new AshaPruner(1, 3, 0)).hasMessageContaining("maxEpochs");
    }

    @Test
    void theNonePrunerNeverPrunes() {
        PruneDecision d = Pruner.NONE.decide(0, List.of(100.0, 200.0), new PeerCurves().put(1, List.of(0.1, 0.1)));
        assertThat(d.prune()).isFalse();
        assertThat(d.rule()).isEqualTo("none");
        assertThat(d.epoch()).isEqualTo(2);
    }
}
