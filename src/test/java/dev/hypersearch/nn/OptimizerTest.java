package dev.hypersearch.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

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
}
