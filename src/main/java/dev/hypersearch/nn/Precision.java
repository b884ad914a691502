package dev.hypersearch.nn;

/**
 * The arithmetic of a training run's matrix products. {@link #FLOAT32} is mixed precision, as PyTorch's float32
 * matmul and automatic mixed precision: the products round their inputs to float32 and sum in float32, while
 * weights, optimizer state and element-wise work (activations, losses, batch norm) stay float64. {@link #FLOAT64}
 * runs everything in float64.
 */
public enum Precision {
    FLOAT32,
    FLOAT64
}
