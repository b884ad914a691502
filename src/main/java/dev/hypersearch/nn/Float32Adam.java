package dev.hypersearch.nn;

/**
 * Adam's update with its moments m and v stored, and the step formed, in float32, for runs whose products are float32
 * ({@link Precision#FLOAT32}); the weights and their gradients stay float64. The update is memory-bound (a 3 x 256
 * net's 150,000 parameters pass through L3 every mini-batch), and float32 moments move 40 bytes a parameter instead of
 * 56: the update took 30 % less CPU time (245 vs 350 us a step on the AVX2 machine). The plain loop below is the
 * reference; C2 does not vectorize its float/double conversions (it ran 5x slower than the float64 update), so only
 * the Vector API's form ({@code VectorFloat32Adam}, {@link Transcendentals#float32Adam()}) trains.
 */
interface Float32Adam {

    /**
     * One update of n parameters: g' = g + decay w (decay 0: g), m = b1 m + a1 g', v = b2 v + a2 g'^2, then
     * w -= step m / (sqrt(c2 v) + eps), where step = lr / (1 - beta1^t) and c2 = 1 / (1 - beta2^t). g' is rounded to
     * float32 once formed; m, v and the step's quotient are float32 operations in this order.
     */
    void step(double[] w, double[] g, float[] m, float[] v, int n, double decay, float b1, float a1, float b2,
            float a2, float step, float c2, float eps);

    /** The reference loop over indices from..to-1 (also the vector form's tail). */
    static void plain(double[] w, double[] g, float[] m, float[] v, int from, int to, double decay, float b1,
            float a1, float b2, float a2, float step, float c2, float eps) {
        for (int i = from; i < to; i++) {
            float gi = (float) Optimizer.gradient(g[i], decay, w[i]);
            float mi = b1 * m[i] + a1 * gi;
            float vi = b2 * v[i] + a2 * (gi * gi);
            m[i] = mi;
            v[i] = vi;
            // the float square root of a float: correctly rounded through double as vsqrtps rounds it
            w[i] -= step * mi / ((float) Math.sqrt(c2 * vi) + eps);
        }
    }
}
