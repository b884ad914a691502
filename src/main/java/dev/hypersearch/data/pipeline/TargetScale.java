package dev.hypersearch.data.pipeline;

/**
 * A regression target's standardization, fitted on the training rows: the network learns (y - mean) / scale,
 * and its outputs are mapped back with {@link #restore} so metrics are reported in the target's own units.
 */
public record TargetScale(double mean, double scale) {

    static TargetScale fit(double[] trainValues) {
        double mean = Statistics.mean(trainValues);
        return new TargetScale(mean, Statistics.scale(trainValues, mean));
    }

    public double standardize(double y) {
        return (y - mean) / scale;
    }

    public double restore(double standardized) {
        return standardized * scale + mean;
    }
}
