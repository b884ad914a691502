package dev.hypersearch.nn;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/** Small seeded data sets and configs shared by the nn tests. */
public final class Fixtures {

    private Fixtures() {
    }

    static DMatrixRMaj gaussian(int rows, int cols, double std, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = std * rng.nextGaussian();
        }
        return m;
    }

    static int[] labels(int rows, int classes, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = rng.nextInt(classes);
        }
        return y;
    }

    static TrainingData xor() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        return TrainingData.classification(x, new int[] {0, 1, 1, 0}, 2);
    }

    /** A network with the default leaky slope and ELU alpha. */
    public static NetworkConfig net(int in, List<Integer> hidden, int out, Activation f, Initializer init, boolean bn,
            Loss loss) {
        return new NetworkConfig(in, hidden, out, f, NetworkConfig.DEFAULT_LEAKY_SLOPE, NetworkConfig.DEFAULT_ELU_ALPHA,
                init, bn, loss);
    }
}
