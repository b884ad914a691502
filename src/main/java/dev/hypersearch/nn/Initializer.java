package dev.hypersearch.nn;

import java.util.Arrays;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.ejml.data.DMatrixRMaj;

/** Weight initializers (biases always start at zero). Draws come only from the RNG passed in. */
public enum Initializer {
    /** All zeros: keeps hidden units identical forever (symmetry is never broken); for demos. */
    ZEROS,
    /** N(0, 0.01^2): small enough that the first softmax output is nearly uniform. */
    SMALL_RANDOM,
    /** N(0, 1/fan_in): keeps activation variance roughly constant for tanh/sigmoid layers. */
    XAVIER,
    /** N(0, 2/fan_in): compensates ReLU zeroing half its inputs. */
    HE,
    /**
     * Glorot (Xavier) uniform, U(-b, b) with b = sqrt(6 / (fan_in + fan_out)), variance 2 / (fan_in + fan_out):
     * the default of Keras ({@code glorot_uniform}) and, for tanh and relu, of scikit-learn's MLP (which also draws
     * its biases from it and narrows b for logistic units; biases here start at zero as with every initializer).
     */
    GLOROT_UNIFORM;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Initializer parse(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (Initializer i : values()) {
            if (i.id().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown initializer '" + name + "'; allowed: "
                + Arrays.stream(values()).map(Initializer::id).collect(Collectors.joining(", ")));
    }

    /** Fills a fan_in x fan_out weight matrix in row-major order. */
    void fill(DMatrixRMaj w, RandomGenerator rng) {
        double[] d = w.data;
        int n = w.getNumElements();
        if (this == GLOROT_UNIFORM) {
            double bound = Math.sqrt(6.0 / (w.numRows + w.numCols));
            for (int i = 0; i < n; i++) {
                d[i] = bound * (2 * rng.nextDouble() - 1);
            }
            return;
        }
        double std = switch (this) {
            case ZEROS -> 0.0;
            case SMALL_RANDOM -> 0.01;
            case XAVIER -> Math.sqrt(1.0 / w.numRows);
            case HE -> Math.sqrt(2.0 / w.numRows);
            case GLOROT_UNIFORM -> throw new AssertionError("drawn uniformly above");
        };
        for (int i = 0; i < n; i++) {
            d[i] = std == 0.0 ? 0.0 : std * rng.nextGaussian();
        }
    }
}
