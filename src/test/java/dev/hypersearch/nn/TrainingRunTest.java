package dev.hypersearch.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingRunTest {

    private final Trainer trainer = new Trainer(new EjmlGemm());
    private final TrainingData data = TrainingData.classification(Fixtures.gaussian(40, 5, 1.0, 3),
            Fixtures.labels(40, 3, 4), 3);
    private final NetworkConfig config = Fixtures.net(5, List.of(8), 3, Activation.RELU, Initializer.HE, false,
            Loss.SOFTMAX_CROSS_ENTROPY);
    private final TrainingConfig training = new TrainingConfig(6, 16, OptimizerConfig.adam(0.01), 0.0, 9, 0);

    @Test
    void steppingByHandGivesTheSameCurveAsTrain() {
        TrainingResult whole = trainer.train(config, training, data, data, null, null);
        TrainingRun run = trainer.start(config, training, data, data, null);
        List<EpochMetrics> stepped = new ArrayList<>();
        while (!run.isFinished()) {
            stepped.add(run.runEpoch());
        }
        assertThat(run.result().outcome()).isEqualTo(TrainingResult.Outcome.COMPLETED);
        assertThat(stepped).hasSize(6);
        for (int i = 0; i < 6; i++) {
            assertThat(stepped.get(i).validationLoss()).isEqualTo(whole.curve().get(i).validationLoss());
            assertThat(stepped.get(i).trainLoss()).isEqualTo(whole.curve().get(i).trainLoss());
        }
    }

    @Test
    void theInitialNetworkIsVisibleBeforeTheFirstEpochAndStopEndsTheRun() {
        TrainingRun run = trainer.start(config, training, data, data, null);
        double before = run.network().evaluate(data).loss();
        assertThat(run.epochsDone()).isZero();
        run.runEpoch();
        assertThat(run.network().evaluate(data).loss()).isNotEqualTo(before);
        run.stop("pruned");
        assertThat(run.result().outcome()).isEqualTo(TrainingResult.Outcome.STOPPED);
        assertThat(run.result().curve()).hasSize(1);
        assertThatThrownBy(run::runEpoch).isInstanceOf(IllegalStateException.class);
    }
}
