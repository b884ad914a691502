package dev.hypersearch.trial;

import dev.hypersearch.data.DatasetShape;
import dev.hypersearch.nn.Activation;
import dev.hypersearch.nn.NetworkConfig;
import dev.hypersearch.search.TrialParams;
import dev.hypersearch.search.Validation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The heap one trial needs at its peak, from the shapes alone (nothing is allocated), counted the way the engine
 * allocates: per network, every parameter with its gradient ({@code nn.Parameter}), the optimizer's state (Adam
 * two doubles per parameter, momentum one), batch norm's six per-unit buffers, one workspace per training batch
 * size (the batch, the last partial batch: input and targets, Z, A and dA per layer, x-hat per batch-norm layer),
 * one evaluation workspace of {@code Network.CHUNK} rows (no gradients, activations in place), plus a GEMM tile of
 * one layer's width; k-fold
 * trains its k networks side by side. Then the data: the parsed set, a transient copy while it is split and
 * standardized, and the prepared train and validation matrices (k pairs for k folds). Java object headers and
 * small bookkeeping are left out; {@code MemoryEstimateTest} holds the estimate to the bytes actually allocated.
 *
 * @param parameters    trainable values, one network
 * @param trainingBytes every network of the trial with its optimizer state and batch buffers
 * @param dataBytes     the data set as loaded and prepared, with the copies made while preparing it
 * @param bytes         the whole estimate
 */
public record MemoryEstimate(long parameters, long trainingBytes, long dataBytes, long bytes) {

    /** Rows per evaluation pass ({@code nn.Network.CHUNK}). */
    static final int EVALUATION_CHUNK = 256;
    private static final long DOUBLE = Double.BYTES;
    private static final long ARRAY_HEADER = 16;
    /** Copies of a split's rows alive at once while it is preprocessed ({@code DataPreparation.prepare}). */
    private static final long TRANSIENT_COPIES = 4;
    /** Of which held as one array per row. */
    private static final long TRANSIENT_ROW_ARRAYS = 2;
    /** For what is not counted one by one: object headers, row index, per-epoch records (measured 2-5 %). */
    private static final double MARGIN = 1.1;
    /** A training run's fixed bookkeeping (curve, results, evaluation scratch; measured about 150 KiB). */
    private static final long PER_RUN = 256 * 1024;

    /** The estimate for one trial's parameters on a data set of this shape, validated this way. */
    public static MemoryEstimate of(TrialParams p, DatasetShape data, Validation validation) {
        NetworkConfig net = TrialConfigs.network(p, PreparedData.shapeOnly(data));
        int networks = validation instanceof Validation.KFold k ? k.folds() : 1;
        int validationRows = validationRows(data.rows(), validation);
        int trainRows = Math.max(1, data.rows() - validationRows);

        long params = parameters(net);
        long optimizerSlots = switch (p.optimizer()) {
            case adam -> 2;
            case momentum -> 1;
            case sgd -> 0;
        };
        long batchNormUnits = net.batchNorm() ? net.hiddenUnits().stream().mapToLong(Integer::longValue).sum() : 0;
        long network = DOUBLE * (params * (2 + optimizerSlots) + 6 * batchNormUnits);

        int batch = Math.min(p.batchSize(), trainRows);
        Set<Integer> workspaceRows = new LinkedHashSet<>(List.of(batch, trainRows % batch == 0 ? batch : trainRows % batch));
        long rowsHeld = workspaceRows.stream().mapToLong(Integer::longValue).sum();
        long evaluationRows = Math.min(EVALUATION_CHUNK, validationRows);
        long widest = Math.max(net.outputSize(), net.hiddenUnits().stream().mapToInt(Integer::intValue).max().orElse(0));
        long activations = DOUBLE * (rowsHeld * perRow(net) + evaluationRows * perRowInference(net)
                + (long) batch * widest) + Integer.BYTES * (long) trainRows;

        long outputs = net.outputSize();
        long cells = (long) data.rows() * (data.features() + outputs);
        // the parsed set, the copies alive while one split is prepared (the table's columns, the fit's training
        // values, the transformed matrices) and the prepared train + validation matrices of every fold
        long dataBytes = withMargin(DOUBLE * ((1 + TRANSIENT_COPIES + (long) networks) * cells)
                + ARRAY_HEADER * TRANSIENT_ROW_ARRAYS * data.rows());

        long training = networks * (withMargin(network + activations) + PER_RUN);
        return new MemoryEstimate(params, training, dataBytes, training + dataBytes);
    }

    private static long withMargin(long bytes) {
        return (long) Math.ceil(bytes * MARGIN);
    }

    /** Trainable values of one network: weights and biases, or batch norm's gamma and beta, and PReLU slopes. */
    static long parameters(NetworkConfig net) {
        List<Integer> widths = new ArrayList<>();
        widths.add(net.inputSize());
        widths.addAll(net.hiddenUnits());
        widths.add(net.outputSize());
        long n = 0;
        for (int l = 1; l < widths.size(); l++) {
            boolean hidden = l < widths.size() - 1;
            long units = widths.get(l);
            n += (long) widths.get(l - 1) * units;
            n += hidden && net.batchNorm() ? 2 * units : units;
            if (hidden && net.activation() == Activation.PRELU) {
                n += units;
            }
        }
        return n;
    }

    /** Doubles one example takes in a workspace: input, targets, Z/A/dA per layer, x-hat per batch-norm layer. */
    private static long perRow(NetworkConfig net) {
        long n = net.inputSize() + net.outputSize() + 3L * net.outputSize();
        for (int units : net.hiddenUnits()) {
            n += (net.batchNorm() ? 4L : 3L) * units;
        }
        return n;
    }

    /**
     * Doubles one example takes in the evaluation workspace (one, sized for the first chunk): input, targets, a
     * hidden layer's activations in place of its pre-activations, the output layer's logits and probabilities.
     */
    private static long perRowInference(NetworkConfig net) {
        long n = net.inputSize() + 3L * net.outputSize();
        for (int units : net.hiddenUnits()) {
            n += units;
        }
        return n;
    }

    /** As the splits round: round(n x fraction) in [1, n - 1] for a holdout, ceil(n / k) for a fold. */
    static int validationRows(int rows, Validation validation) {
        if (validation instanceof Validation.KFold k) {
            return Math.max(1, (rows + k.folds() - 1) / k.folds());
        }
        double fraction = ((Validation.Holdout) validation).fraction();
        return (int) Math.max(1, Math.min(rows - 1L, Math.round(rows * fraction)));
    }
}
