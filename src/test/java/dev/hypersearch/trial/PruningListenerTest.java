package dev.hypersearch.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.data.BuiltinDatasets;
import dev.hypersearch.nn.Gemms;
import dev.hypersearch.search.TrialParams;
import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.search.pruning.AshaPruner;
import dev.hypersearch.search.pruning.MedianPruner;
import dev.hypersearch.search.pruning.PeerCurves;
import dev.hypersearch.search.pruning.PruneDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pruners driving real trials, the way a worker will: the epoch row is stored before the decision. */
class PruningListenerTest {

    private static final TrialRunner RUNNER = new TrialRunner(Gemms.reference());
    private static final PreparedData IRIS = DataPreparation.holdout(BuiltinDatasets.load("iris"), 0.3, 1);

    private static TrialParams params(double learningRate) {
        return TrialConfigsTest.params(Map.of("learningRate", learningRate, "optimizer", "sgd", "epochs", 9,
                "hiddenUnits", 8, "batchSize", 16));
    }

    @Test
    void ashaStopsSlowLearnersAtARungAndRecordsWhy() {
        PeerCurves db = new PeerCurves();
        double[] rates = {0.3, 0.2, 0.1, 1e-4, 2e-4, 3e-4}; // the last three barely move in 9 epochs
        List<TrialOutcome> outcomes = new ArrayList<>();
        List<PruneDecision> decisions = new ArrayList<>();
        for (int t = 0; t < rates.length; t++) {
            long trial = t;
            PruningListener listener = new PruningListener(new AshaPruner(1, 3, 9), db, trial,
                    m -> {
                        db.report(trial, m.validationLoss());
                        return true;
                    });
            outcomes.add(RUNNER.run(params(rates[t]), IRIS, 7, t, listener, null));
            decisions.add(listener.decision());
        }
        // Fewer than eta = 3 trials at every rung: the first two always continue.
        for (int t = 0; t < 2; t++) {
            assertThat(outcomes.get(t).ending()).isEqualTo(TrialStatus.COMPLETED);
            assertThat(outcomes.get(t).curve()).hasSize(9);
        }
        // The slow learners lose at rung 0 (epoch 1) or rung 1 (epoch 3) against the fast ones.
        for (int t = 3; t < 6; t++) {
            assertThat(outcomes.get(t).ending()).isEqualTo(TrialStatus.PRUNED);
        }
        for (int t = 0; t < 6; t++) {
            TrialOutcome o = outcomes.get(t);
            PruneDecision d = decisions.get(t);
            if (o.ending() == TrialStatus.PRUNED) {
                assertThat(d.prune()).isTrue();
                assertThat(d.rule()).isEqualTo("asha");
                assertThat(List.of(1, 3)).contains(d.epoch());
                assertThat(d.rung()).isEqualTo(d.epoch() == 1 ? 0 : 1);
                assertThat(o.curve()).hasSize(d.epoch()); // keeps its curve up to the rung
                assertThat(d.value()).isEqualTo(o.curve().get(d.epoch() - 1).validationLoss())
                        .isGreaterThan(d.threshold());
            } else {
                assertThat(o.ending()).isEqualTo(TrialStatus.COMPLETED);
                assertThat(d.prune()).isFalse();
            }
        }
    }

    @Test
    void medianRuleOnACrossValidatedMeanCurve() {
        List<PreparedData> folds = DataPreparation.kFold(BuiltinDatasets.load("iris"), 3, 4);
        CrossValidatedRunner cv = new CrossValidatedRunner(Gemms.reference());
        PeerCurves db = new PeerCurves();
        double[] rates = {0.3, 0.2, 0.1, 1e-4};
        TrialOutcome last = null;
        PruningListener listener = null;
        for (int t = 0; t < rates.length; t++) {
            long trial = t;
            listener = new PruningListener(new MedianPruner(2, 3), db, trial, m -> {
                db.report(trial, m.validationLoss());
                return true;
            });
            last = cv.run(params(rates[t]), folds, 4, t, listener, null);
        }
        assertThat(last.ending()).isEqualTo(TrialStatus.PRUNED);
        assertThat(listener.decision().epoch()).isEqualTo(3); // first epoch after the warm-up
        assertThat(listener.decision().rule()).isEqualTo("median");
        assertThat(last.crossValidation().folds()).allSatisfy(f -> assertThat(f.curve()).hasSize(3));
    }

    @Test
    void theInnerListenerCanStopATrialWithoutAPruningDecision() {
        PruningListener listener = new PruningListener(new MedianPruner(0, 1), new PeerCurves(), 0, m -> false);
        TrialOutcome o = RUNNER.run(params(0.1), IRIS, 1, 0, listener, null);
        assertThat(o.curve()).hasSize(1);
        assertThat(listener.decision()).isNull();
    }
}
