package dev.hypersearch.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.data.BuiltinDatasets;
import dev.hypersearch.nn.Activation;
import dev.hypersearch.nn.Fixtures;
import dev.hypersearch.nn.Gemms;
import dev.hypersearch.nn.Initializer;
import dev.hypersearch.nn.Loss;
import dev.hypersearch.nn.NetworkConfig;
import dev.hypersearch.nn.OptimizerConfig;
import dev.hypersearch.nn.Trainer;
import dev.hypersearch.nn.TrainingConfig;
import dev.hypersearch.nn.TrainingResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's reference network: digits, 64-128-64-10, relu, he, adam 1e-3, batch 64, 30 epochs, 20% validation, seed 0. */
class DigitsReferenceNetTest {

    @Test
    void referenceNetReachesNinetySixPercentValidationAccuracyOnBothGemmPaths() {
        PreparedData data = DataPreparation.holdout(BuiltinDatasets.load("digits"), 0.2, 0);
        assertThat(data.train().size() + data.validation().size()).isEqualTo(1797);
        NetworkConfig net = Fixtures.net(64, List.of(128, 64), 10, Activation.RELU, Initializer.HE, false,
                Loss.SOFTMAX_CROSS_ENTROPY);
        TrainingConfig training = new TrainingConfig(30, 64, OptimizerConfig.adam(1e-3), 0.0, 0L, 0);

        TrainingResult fast = new Trainer(Gemms.fastest()).train(net, training, data.train(), data.validation(), null, null);
        TrainingResult reference = new Trainer(Gemms.reference()).train(net, training, data.train(), data.validation(), null, null);

        double fastAccuracy = fast.curve().get(29).validationAccuracy();
        assertThat(fast.outcome()).isEqualTo(TrainingResult.Outcome.COMPLETED);
        assertThat(fastAccuracy).isGreaterThanOrEqualTo(0.96);
        // Both paths compute the same sums in different orders: the curves agree closely, not bit for bit.
        assertThat(reference.curve().get(29).validationAccuracy()).isCloseTo(fastAccuracy, org.assertj.core.data.Offset.offset(0.01));
        assertThat(reference.curve().get(29).validationLoss())
                .isCloseTo(fast.curve().get(29).validationLoss(), org.assertj.core.data.Offset.offset(1e-3));
    }
}
