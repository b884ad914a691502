package dev.hypersearch.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic of one trial of a dense net, counted from its architecture, and the physical bound it puts on a
 * speed-up: at this core's FMA peak, the trial cannot take less than flops / peak seconds, so no engine can be
 * more than {@code reference seconds / (flops / peak)} times faster than the reference (scikit-learn).
 *
 * <p>Layer widths n_0 (inputs), n_1 .. n_L (hidden), n_{L+1} (outputs); W = sum over the L+1 dense layers of
 * n_i x n_{i+1} (the weights, biases left out). Counting a GEMM of m x k times k x n as 2mnk flops (one multiply and
 * one add per term), per row:
 * <ul>
 *   <li>forward: Z = A W, 2 n_i n_{i+1} per layer: 2W;</li>
 *   <li>backward: the weight gradient A^T dZ, 2 n_i n_{i+1} per layer (2W), and the gradient to the layer's input
 *       dZ W^T for every layer but the first (the data needs none; neither the engine nor scikit-learn computes it):
 *       2(W - n_0 n_1);</li>
 *   <li>so a training row costs 6W - 2 n_0 n_1, an inference row (validation) 2W.</li>
 * </ul>
 * A trial of E epochs on R training rows and V validation rows: E (R (6W - 2 n_0 n_1) + V 2W). The engine evaluates
 * the validation rows every epoch; scikit-learn's fit (no early stopping) does not, so its own work is E R
 * (6W - 2 n_0 n_1). Batch size does not change the GEMM flops (they are linear in rows).
 *
 * <p>The elementwise work (bias adds, activations and their derivatives, softmax, batch norm, Adam's update) is
 * not in the flop count: it is small beside the GEMMs on these nets but costs more than its flop count says
 * (exp, tanh, sqrt, division, memory passes). {@link #elementwise} counts its elements, for information. Leaving it
 * out makes the bound an upper bound: a configuration whose bound is below 4x cannot reach 4x on this core.
 */
final class TrialFlops {

    private TrialFlops() {
    }

    /** Widths n_0 .. n_{L+1}. */
    static List<Integer> widths(int inputs, List<Integer> hidden, int outputs) {
        List<Integer> w = new ArrayList<>();
        w.add(inputs);
        w.addAll(hidden);
        w.add(outputs);
        return w;
    }

    /** W: the weights, biases left out. */
    static long weights(List<Integer> widths) {
        long w = 0;
        for (int i = 0; i + 1 < widths.size(); i++) {
            w += (long) widths.get(i) * widths.get(i + 1);
        }
        return w;
    }

    /** GEMM flops of one training row: forward, weight gradients, input gradients of all layers but the first. */
    static long perTrainingRow(List<Integer> widths) {
        long w = weights(widths);
        return 6 * w - 2L * widths.get(0) * widths.get(1);
    }

    /** GEMM flops of one inference row (forward only). */
    static long perInferenceRow(List<Integer> widths) {
        return 2 * weights(widths);
    }

    /** The engine's trial: {@code epochs} epochs of training rows and a validation pass each. */
    static double engineTrial(List<Integer> widths, int trainRows, int validationRows, int epochs) {
        return (double) epochs * (trainRows * (double) perTrainingRow(widths)
                + validationRows * (double) perInferenceRow(widths));
    }

    /** scikit-learn's fit: training rows only (no validation pass without early stopping). */
    static double sklearnFit(List<Integer> widths, int trainRows, int epochs) {
        return (double) epochs * trainRows * perTrainingRow(widths);
    }

    /**
     * Elements the elementwise kernels touch in the engine's trial, for information (not flops): every unit's
     * activation (bias, activation, and in training its derivative: 2 passes a training row, 1 a validation row) and
     * Adam's update of every parameter (weights and biases) once a mini-batch.
     */
    static double elementwise(List<Integer> widths, int trainRows, int validationRows, int epochs, int batch) {
        long units = 0;
        long params = 0;
        for (int i = 1; i < widths.size(); i++) {
            units += widths.get(i);
            params += (long) widths.get(i - 1) * widths.get(i) + widths.get(i);
        }
        long steps = (long) epochs * ((trainRows + batch - 1) / batch);
        return (double) epochs * units * (2.0 * trainRows + validationRows) + (double) steps * params;
    }

    /**
     * The best speed-up over a reference possible at {@code share} of the peak: the reference's seconds over the
     * seconds the flops take at {@code share x peakGflops}.
     */
    static double bound(double referenceSeconds, double flops, double peakGflops, double share) {
        return referenceSeconds / (flops / (share * peakGflops * 1e9));
    }

    /** Effective GFLOPS: flops over seconds. */
    static double gflops(double flops, double seconds) {
        return flops / seconds / 1e9;
    }
}
