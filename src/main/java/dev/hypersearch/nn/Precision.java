package dev.hypersearch.nn;

/**
 * The arithmetic of a training run's matrix products. {@link #FLOAT32} is mixed precision, as PyTorch's float32
 * matmul and automatic mixed precision: the products round their inputs to float32 and sum in float32, and Adam keeps
 * its moments in float32 where the Vector API runs ({@link Float32Adam}: its update is memory-bound), while weights,
 * gradients and element-wise work (activations, losses, batch norm) stay float64. {@link #FLOAT64} runs everything in
 * float64.
 */
public enum Precision {
    FLOAT32,
    FLOAT64
}
