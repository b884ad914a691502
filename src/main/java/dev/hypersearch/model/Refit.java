package dev.hypersearch.model;

import dev.hypersearch.data.pipeline.FittedPipeline;
import dev.hypersearch.data.pipeline.TargetScale;
import dev.hypersearch.data.table.Table;
import dev.hypersearch.data.table.Target;
import dev.hypersearch.nn.FoldedLayer;
import dev.hypersearch.nn.EpochMetrics;
import dev.hypersearch.nn.GemmSource;
import dev.hypersearch.nn.InferenceNetwork;
import dev.hypersearch.nn.Trainer;
import dev.hypersearch.nn.TrainingData;
import dev.hypersearch.nn.TrainingResult;
import dev.hypersearch.search.TrialParams;
import dev.hypersearch.trial.DataPreparation;
import dev.hypersearch.trial.PreparedData;
import dev.hypersearch.trial.TrialConfigs;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

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

    private final GemmSource gemms;

    /** @param gemms the GEMM for each training precision */
    public Refit(GemmSource gemms) {
        this.gemms = gemms;
    }

    /**
     * Refits on every row of {@code table}: the pipeline as {@link DataPreparation} fits it for a trial (and, for
     * regression, the same target standardization), fitted on all rows.
     */
    public Outcome run(TrialParams params, Table table, long searchSeed, int trialNumber, BooleanSupplier stop) {
        long start = System.nanoTime();
        PreparedData shape = DataPreparation.allRows(table);
        FittedPipeline pipeline = shape.pipeline();
        TrainingData data = shape.train();
        TrainingResult result;
        try {
            result = new Trainer(gemms).train(TrialConfigs.network(params, shape),
                    TrialConfigs.training(params, searchSeed, trialNumber, 0), data, data, null, stop);
        } catch (IllegalArgumentException e) {
            return new Failed("the configuration could not be trained: " + e.getMessage());
        }
        boolean classification = table.target() instanceof Target.Classes;
        return switch (result.outcome()) {
            case CANCELLED, STOPPED -> new Stopped();
            case DIVERGED -> new Failed("the refit diverged: " + result.message());
            case COMPLETED, EARLY_STOPPED -> {
                List<EpochMetrics> curve = result.curve();
                EpochMetrics last = curve.get(curve.size() - 1);
                InferenceNetwork network = InferenceNetwork.of(result.network());
                if (pipeline.target() != null) {
                    network = inTargetUnits(network, pipeline.target());
                }
                TrainedModel model = new TrainedModel(new PipelineInputs(pipeline), network,
                        classification ? ((Target.Classes) table.target()).classes() : null);
                yield new Trained(model, new RefitMetrics(table.rows(), last.epoch(), last.trainLoss(),
                        last.validationLoss(), classification ? last.validationAccuracy() : null,
                        (System.nanoTime() - start) / 1_000_000));
            }
        };
    }

    /**
     * The regression network trained on standardized targets, with the target's scale and mean folded into its
     * linear output layer, so predict and the ONNX file answer in the target's own units.
     */
    static InferenceNetwork inTargetUnits(InferenceNetwork network, TargetScale target) {
        List<FoldedLayer> layers = new ArrayList<>(network.layers());
        FoldedLayer out = layers.get(layers.size() - 1);
        double[] w = out.weights().clone();
        double[] b = out.bias().clone();
        for (int j = 0; j < w.length; j++) {
            w[j] *= target.scale();
        }
        for (int j = 0; j < b.length; j++) {
            b[j] = b[j] * target.scale() + target.mean();
        }
        layers.set(layers.size() - 1, new FoldedLayer(out.fanIn(), out.fanOut(), w, b, out.activation(),
                out.leakySlope(), out.eluAlpha(), out.slopes()));
        return new InferenceNetwork(layers, network.loss());
    }
}
