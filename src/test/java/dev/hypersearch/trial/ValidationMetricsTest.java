package dev.hypersearch.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypersearch.data.BuiltinDatasets;
import dev.hypersearch.data.pipeline.TargetScale;
import dev.hypersearch.nn.Gemms;
import dev.hypersearch.search.TestParams;
import dev.hypersearch.search.TrialStatus;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class ValidationMetricsTest {

    @Test
    void regressionScoresAreInTheTargetsUnits() {
        TargetScale scale = new TargetScale(100, 10); // standardized t = (y - 100) / 10
        double[] y = {90, 100, 110, 120};
        double[] p = {92, 100, 105, 120};
        ValidationMetrics m = ValidationMetrics.regression(standardized(p, scale), standardized(y, scale), scale);
        assertEquals(Math.sqrt((4 + 0 + 25 + 0) / 4.0), m.rmse(), 1e-12);
        assertEquals((2 + 0 + 5 + 0) / 4.0, m.mae(), 1e-12);
        // mean 105; SS_tot = 225 + 25 + 25 + 225 = 500; SS_res = 29
        assertEquals(1 - 29 / 500.0, m.r2(), 1e-12);
        assertTrue(Double.isNaN(m.macroF1()));
    }

    @Test
    void aRegressionTrialsRmseIsItsStandardizedLossInTheTargetsUnits() {
        PreparedData data = DataPreparation.holdout(BuiltinDatasets.load("regression"), 0.25, 3);
        TrialOutcome o = new TrialRunner(Gemms.reference()).run(TestParams.defaultsWith("epochs", 20), data, 3, 0,
                null, null);
        assertEquals(TrialStatus.COMPLETED, o.ending());
        double scale = data.pipeline().target().scale();
        // the validation loss is the MSE of standardized targets; RMSE restores the units
        assertEquals(Math.sqrt(o.valLoss()) * scale, o.metrics().rmse(), 1e-9 * o.metrics().rmse());
        assertTrue(o.metrics().r2() > 0.5 && o.metrics().r2() <= 1, "R² " + o.metrics().r2());
        assertTrue(o.metrics().mae() <= o.metrics().rmse());
    }

    @Test
    void macroF1AveragesTheClassesPresent() {
        // truth 0 0 1 1 2; predicted 0 1 1 1 0 (one-hot targets, probability rows)
        DMatrixRMaj truth = oneHot(new int[]{0, 0, 1, 1, 2}, 4);
        DMatrixRMaj guess = oneHot(new int[]{0, 1, 1, 1, 0}, 4);
        ValidationMetrics m = ValidationMetrics.classification(guess, truth, 4);
        double f0 = 2.0 * 1 / (2 * 1 + 1 + 1); // tp 1, fp 1 (row 4), fn 1 (row 1)
        double f1 = 2.0 * 2 / (2 * 2 + 1 + 0);
        double f2 = 0; // tp 0, fn 1; class 3 never occurs and is left out
        assertEquals((f0 + f1 + f2) / 3, m.macroF1(), 1e-12);
        assertTrue(Double.isNaN(m.r2()));
    }

    @Test
    void aSigmoidOutputIsThePositiveClassAtOneHalf() {
        DMatrixRMaj truth = new DMatrixRMaj(4, 1, true, 1, 0, 1, 0);
        DMatrixRMaj guess = new DMatrixRMaj(4, 1, true, 0.9, 0.2, 0.4, 0.5);
        // class 1: tp 1, fn 1, fp 1 -> 0.5; class 0: tp 1, fp 1, fn 1 -> 0.5
        assertEquals(0.5, ValidationMetrics.classification(guess, truth, 2).macroF1(), 1e-12);
    }

    private static DMatrixRMaj standardized(double[] v, TargetScale s) {
        DMatrixRMaj m = new DMatrixRMaj(v.length, 1);
        for (int i = 0; i < v.length; i++) {
            m.data[i] = s.standardize(v[i]);
        }
        return m;
    }

    private static DMatrixRMaj oneHot(int[] labels, int k) {
        DMatrixRMaj m = new DMatrixRMaj(labels.length, k);
        for (int i = 0; i < labels.length; i++) {
            m.set(i, labels[i], 1);
        }
        return m;
    }
}
