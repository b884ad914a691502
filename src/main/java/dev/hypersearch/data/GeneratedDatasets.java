package dev.hypersearch.data;

import java.util.List;
import java.util.Random;

/**
 * Small synthetic sets for demos and tests. All are seeded and deterministic: {@link Random}'s
 * algorithm (including nextGaussian) is fixed by its specification, so a seed gives the same rows on
 * every JVM.
 */
public final class GeneratedDatasets {

    private GeneratedDatasets() {
    }

    /**
     * Noisy XOR: four Gaussian clusters at (+-1, +-1); class 0 where the signs agree, class 1 where they
     * differ. Rows cycle through the clusters, so classes are balanced when n is a multiple of 4. Not
     * linearly separable: a model needs a hidden layer.
     *
     * @param noise standard deviation of each cluster
     */
    public static Dataset xor(int n, double noise, long seed) {
        if (n < 4) {
            throw new IllegalArgumentException("xor needs at least 4 points, got " + n);
        }
        Random rng = new Random(seed);
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int cluster = i % 4;
            double sx = (cluster & 1) == 0 ? -1 : 1;
            double sy = (cluster & 2) == 0 ? -1 : 1;
            x[i] = new double[] {sx + noise * rng.nextGaussian(), sy + noise * rng.nextGaussian()};
            y[i] = sx == sy ? 0 : 1;
        }
        return Dataset.classification("xor", List.of("x1", "x2"), x, "label", y, List.of("0", "1"));
    }

    /**
     * The K-class spiral of CS231n ("Putting it together: minimal neural network case study"): class j
     * has radius r = linspace(0, 1, N) and angle t = linspace(4j, 4(j + 1), N) + noise * N(0, 1), at
     * (r sin t, r cos t).
     */
    public static Dataset spiral(int pointsPerClass, int classes, double noise, long seed) {
        if (pointsPerClass < 2 || classes < 2) {
            throw new IllegalArgumentException("spiral needs >= 2 classes of >= 2 points");
        }
        Random rng = new Random(seed);
        int n = pointsPerClass * classes;
        double[][] x = new double[n][];
        int[] y = new int[n];
        String[] names = new String[classes];
        for (int j = 0; j < classes; j++) {
            names[j] = String.valueOf(j);
            for (int i = 0; i < pointsPerClass; i++) {
                double step = (double) i / (pointsPerClass - 1);
                double r = step;
                double t = 4.0 * j + 4.0 * step + noise * rng.nextGaussian();
                int row = j * pointsPerClass + i;
                x[row] = new double[] {r * Math.sin(t), r * Math.cos(t)};
                y[row] = j;
            }
        }
        return Dataset.classification("spiral", List.of("x1", "x2"), x, "label", y, List.of(names));
    }

    /**
     * A small nonlinear regression: x1 ~ U(-3, 3), x2 ~ U(-2, 2), y = sin(x1) + 0.5 x2^2 + noise * N(0, 1).
     */
    public static Dataset regression(int n, double noise, long seed) {
        if (n < 2) {
            throw new IllegalArgumentException("regression needs at least 2 rows, got " + n);
        }
        Random rng = new Random(seed);
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double x1 = -3 + 6 * rng.nextDouble();
            double x2 = -2 + 4 * rng.nextDouble();
            x[i] = new double[] {x1, x2};
            y[i] = Math.sin(x1) + 0.5 * x2 * x2 + noise * rng.nextGaussian();
        }
        return Dataset.regression("regression", List.of("x1", "x2"), x, "y", y);
    }
}
