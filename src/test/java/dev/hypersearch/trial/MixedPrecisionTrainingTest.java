package dev.hypersearch.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.hypersearch.data.BuiltinDatasets;
import dev.hypersearch.nn.Activation;
import dev.hypersearch.nn.Fixtures;
import dev.hypersearch.nn.Gemms;
import dev.hypersearch.nn.Initializer;
import dev.hypersearch.nn.Loss;
import dev.hypersearch.nn.NetworkConfig;
import dev.hypersearch.nn.OptimizerConfig;
import dev.hypersearch.nn.Precision;
import dev.hypersearch.nn.Trainer;
import dev.hypersearch.nn.TrainingConfig;
import dev.hypersearch.nn.TrainingResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Float32 (mixed precision) against float64 training of the reference net on digits (64-128-64-10, relu, adam 1e-3,
 * batch 64, 20% validation, seed 0): the curves differ (the products really run in float32) but end within noise.
 */
class MixedPrecisionTrainingTest {

    @Test
    void float32ReachesFloat64sValidationLossAndAccuracy() {
        PreparedData data = DataPreparation.holdout(BuiltinDatasets.load("digits"), 0.2, 0);
        NetworkConfig net = Fixtures.net(64, List.of(128, 64), 10, Activation.RELU, Initializer.HE, false,
                Loss.SOFTMAX_CROSS_ENTROPY);
        Trainer trainer = new Trainer(Gemms.byPrecision());

        TrainingResult f64 = trainer.train(net, training(Precision.FLOAT64), data.train(), data.validation(), null,
                null);
        TrainingResult f32 = trainer.train(net, training(Precision.FLOAT32), data.train(), data.validation(), null,
                null);

        assertThat(f32.outcome()).isEqualTo(TrainingResult.Outcome.COMPLETED);
        double loss32 = f32.curve().get(29).validationLoss();
        double loss64 = f64.curve().get(29).validationLoss();
        assertThat(loss32).as("float32 rounding must show in the curve").isNotEqualTo(loss64);
        assertThat(loss32).isCloseTo(loss64, offset(0.01));
        assertThat(f32.curve().get(29).validationAccuracy())
                .isCloseTo(f64.curve().get(29).validationAccuracy(), offset(0.01));
    }

    private static TrainingConfig training(Precision precision) {
        return new TrainingConfig(30, 64, OptimizerConfig.adam(1e-3), 0.0, 0L, 0, precision);
    }
}
