package dev.hypersearch.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One or two steps with a fixed gradient, against the update rules written out by hand. */
class OptimizerTest {

    private static Parameter param(double value, double grad) {
        Parameter p = new Parameter("p", new DMatrixRMaj(1, 2, true, value, -value), true);
        p.gradient().data[0] = grad;
        p.gradient().data[1] = -grad;
        return p;
    }

    @Test
    void sgdStepsAgainstTheGradient() {
        Parameter p = param(1.0, 0.5);
        Optimizer.create(OptimizerConfig.sgd(0.1), List.of(p)).step();
        assertThat(p.value().data[0]).isCloseTo(1.0 - 0.1 * 0.5, within(1e-15));
        assertThat(p.value().data[1]).isCloseTo(-1.0 + 0.1 * 0.5, within(1e-15));
    }

    @Test
    void momentumAccumulatesVelocity() {
        Parameter p = param(1.0, 0.5);
        Optimizer opt = Optimizer.create(OptimizerConfig.momentum(0.1, 0.9), List.of(p));
        opt.step();
        opt.step();
        // steps of lr*g then (1 + mu)*lr*g
        assertThat(p.value().data[0]).isCloseTo(1.0 - 0.05 - 1.9 * 0.05, within(1e-15));
    }

    @Test
    void adamFirstStepIsLearningRateSizedThanksToBiasCorrection() {
        Parameter p = param(1.0, 1e-3);
        Optimizer opt = Optimizer.create(OptimizerConfig.adam(0.01), List.of(p));
        opt.step();
        // mhat = g, vhat = g^2 => step = lr * g / (|g| + eps)
        assertThat(p.value().data[0]).isCloseTo(1.0 - 0.01 * 1e-3 / (1e-3 + 1e-8), within(1e-12));
        opt.step();
        assertThat(p.value().data[0]).isCloseTo(1.0 - 2 * 0.01 * 1e-3 / (1e-3 + 1e-8), within(1e-12));
    }

    /**
     * L2 read by the optimizer (weights only) steps exactly as L2 added to the gradients first, as backward does:
     * the same bits after several steps, for every optimizer.
     */
    @ParameterizedTest
    @EnumSource(OptimizerConfig.Kind.class)
    void l2InTheStepIsBackwardsL2BitForBit(OptimizerConfig.Kind kind) {
        OptimizerConfig config = switch (kind) {
            case SGD -> OptimizerConfig.sgd(0.05);
            case MOMENTUM -> OptimizerConfig.momentum(0.05, 0.9);
            case ADAM -> OptimizerConfig.adam(0.05);
        };
        double l2 = 0.03;
        List<Parameter> fused = params();
        List<Parameter> added = params();
        Optimizer inStep = Optimizer.create(config, fused, l2);
        Optimizer plain = Optimizer.create(config, added);
        SplittableRandom rng = new SplittableRandom(4);
        for (int step = 0; step < 5; step++) {
            for (int k = 0; k < fused.size(); k++) {
                double[] g = fused.get(k).gradient().data;
                for (int i = 0; i < g.length; i++) {
                    g[i] = rng.nextGaussian();
                }
                Parameter p = added.get(k);
                System.arraycopy(g, 0, p.gradient().data, 0, g.length);
                if (p.decayed()) {
                    RowOps.addScaled(p.gradient().data, l2, p.value().data, g.length);
                }
            }
            inStep.step();
            plain.step();
            for (int k = 0; k < fused.size(); k++) {
                assertThat(fused.get(k).value().data).as(kind + " step " + step + " " + fused.get(k).name())
                        .containsExactly(added.get(k).value().data);
            }
        }
    }

    /** A weight matrix (decayed) and a bias (not), the same values every call. */
    private static List<Parameter> params() {
        DMatrixRMaj w = Fixtures.gaussian(3, 5, 1.0, 1);
        DMatrixRMaj b = Fixtures.gaussian(1, 5, 1.0, 2);
        return List.of(new Parameter("W", w, true), new Parameter("b", b, false));
    }
}
