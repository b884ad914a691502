/**
 * The MLP engine: dense layers on EJML row-major matrices, one row per example, trained by
 * {@link dev.hypersearch.nn.Trainer}. Plain Java (no Spring, no other project packages).
 *
 * <p>Conventions callers rely on:
 * <ul>
 *   <li>W is fan_in x fan_out: Z = A_prev W + b; the three products go through the
 *       {@link dev.hypersearch.nn.Gemm} given to the Trainer/Network, nothing else multiplies.</li>
 *   <li>Every reported loss (curve, {@link dev.hypersearch.nn.Evaluation}) is the data loss only,
 *       a mean over examples; the L2 term 0.5*l2*sum(W^2) (weights only) is part of the optimized
 *       objective and its gradient, and available as {@link dev.hypersearch.nn.Network#l2Penalty}.</li>
 *   <li>Train loss = example-weighted mean of the epoch's batch losses (training mode, before each
 *       update); validation loss/accuracy = inference mode after the epoch.</li>
 *   <li>2 classes default to one sigmoid output with 0/1 targets (n x 1); softmax over one-hot
 *       targets otherwise (see {@link dev.hypersearch.nn.TrainingData#classification}).</li>
 *   <li>Batch norm (hidden layers, before the activation) replaces the hidden biases.</li>
 *   <li>Hot loops allocate nothing: buffers live in per-batch-size workspaces created once.</li>
 * </ul>
 */
package dev.hypersearch.nn;
