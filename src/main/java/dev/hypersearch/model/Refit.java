package dev.hypersearch.model;

import dev.hypersearch.data.Dataset;
import dev.hypersearch.nn.EpochMetrics;
import dev.hypersearch.nn.Gemm;
import dev.hypersearch.nn.InferenceNetwork;
import dev.hypersearch.nn.Trainer;
import dev.hypersearch.nn.TrainingData;
import dev.hypersearch.nn.TrainingResult;
import dev.hypersearch.search.TrialParams;
import dev.hypersearch.trial.PreparedData;
import dev.hypersearch.trial.TrialConfigs;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.ejml.data.DMatrixRMaj;

/**
 * A trial's configuration refitted on every labelled row (training and validation together): the preprocessing
 * fitted on those rows, then the trial's network trained for the trial's epochs with the trial's seed. The
 * metrics are the last epoch's, evaluated on the same rows (there is no held-out set left).
 */
public final class Refit {

    /** How a refit ended. */
    public sealed interface Outcome {
    }

    /** Trained: the model and its training metrics. */
    public record Trained(TrainedModel model, RefitMetrics metrics) implements Outcome {
    }

    /** The configuration could not be trained on these rows (diverged, refused by the engine). */
    public record Failed(String message) implements Outcome {
    }

    /** Stopped by the signal before the end (the job goes back to the queue). */
    public record Stopped() implements Outcome {
    }

    private final Gemm gemm;

    public Refit(Gemm gemm) {
        this.gemm = gemm;
    }

    public Outcome run(TrialParams params, Dataset rows, long searchSeed, int trialNumber, BooleanSupplier stop) {
        long start = System.nanoTime();
        StandardizedInputs inputs = StandardizedInputs.fit(rows);
        DMatrixRMaj x = new DMatrixRMaj(rows.size(), inputs.width(), true, inputs.transform(rows));
        TrainingData data = rows.isClassification()
                ? TrainingData.classification(x, rows.labels(), rows.numClasses())
                : TrainingData.regression(x, new DMatrixRMaj(rows.size(), 1, true, rows.targets()));
        PreparedData shape = new PreparedData(data, data, inputs.width(),
                rows.isClassification() ? rows.numClasses() : 0, rows.isClassification(), null);
        TrainingResult result;
        try {
            result = new Trainer(gemm).train(TrialConfigs.network(params, shape),
                    TrialConfigs.training(params, searchSeed, trialNumber, 0), data, data, null, stop);
        } catch (IllegalArgumentException e) {
            return new Failed("the configuration could not be trained: " + e.getMessage());
        }
        return switch (result.outcome()) {
            case CANCELLED, STOPPED -> new Stopped();
            case DIVERGED -> new Failed("the refit diverged: " + result.message());
            case COMPLETED, EARLY_STOPPED -> {
                List<EpochMetrics> curve = result.curve();
                EpochMetrics last = curve.get(curve.size() - 1);
                TrainedModel model = new TrainedModel(inputs, InferenceNetwork.of(result.network()),
                        rows.isClassification() ? rows.classNames() : null);
                yield new Trained(model, new RefitMetrics(rows.size(), last.epoch(), last.trainLoss(),
                        last.validationLoss(), rows.isClassification() ? last.validationAccuracy() : null,
                        (System.nanoTime() - start) / 1_000_000));
            }
        };
    }
}
