package dev.hypersearch.nn;

/**
 * Adam (Kingma and Ba) with bias correction: m and v are exponential averages of g and g^2,
 * divided by (1 - beta^t) so the first steps are not biased toward zero.
 * w -= lr * mhat / (sqrt(vhat) + eps). With a {@link Float32Adam} (float32 runs on the Vector API path) m and v are
 * float32 and that kernel applies the update; otherwise they are float64 and the loop below does.
 */
final class AdamOptimizer implements Optimizer {

    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final Parameter[] params;
    private final double[][] m;
    private final double[][] v;
    private final Float32Adam float32;
    private final float[][] m32;
    private final float[][] v32;
    private final double[] decay;
    private double beta1Power = 1.0;
    private double beta2Power = 1.0;

    AdamOptimizer(double lr, double beta1, double beta2, double eps, Parameter[] params, double[] decay) {
        this(lr, beta1, beta2, eps, params, decay, null);
    }

    /** {@code float32}: the kernel for float32 moments, or null for float64 ones. */
    AdamOptimizer(double lr, double beta1, double beta2, double eps, Parameter[] params, double[] decay,
            Float32Adam float32) {
        this.lr = lr;
        this.decay = decay;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.params = params;
        this.float32 = float32;
        int count = float32 == null ? params.length : 0;
        this.m = new double[count][];
        this.v = new double[count][];
        this.m32 = new float[params.length - count][];
        this.v32 = new float[params.length - count][];
        for (int k = 0; k < params.length; k++) {
            int n = params[k].value().getNumElements();
            if (float32 == null) {
                m[k] = new double[n];
                v[k] = new double[n];
            } else {
                m32[k] = new float[n];
                v32[k] = new float[n];
            }
        }
    }

    @Override
    public void step() {
        beta1Power *= beta1;
        beta2Power *= beta2;
        double c1 = 1.0 / (1.0 - beta1Power);
        double c2 = 1.0 / (1.0 - beta2Power);
        if (float32 != null) {
            stepFloat32(c1, c2);
            return;
        }
        double b1 = beta1;
        double b2 = beta2;
        double a1 = 1.0 - beta1;
        double a2 = 1.0 - beta2;
        for (int k = 0; k < params.length; k++) {
            double[] w = params[k].value().data;
            double[] g = params[k].gradient().data;
            double[] mk = m[k];
            double[] vk = v[k];
            double l2 = decay[k];
            int n = mk.length;
            for (int i = 0; i < n; i++) {
                double gi = Optimizer.gradient(g[i], l2, w[i]);
                double mi = b1 * mk[i] + a1 * gi;
                double vi = b2 * vk[i] + a2 * gi * gi;
                mk[i] = mi;
                vk[i] = vi;
                w[i] -= lr * (mi * c1) / (Math.sqrt(vi * c2) + eps);
            }
        }
    }

    /** The same update with float32 moments: lr * c1 folds into one step size (a rounding apart from the above). */
    private void stepFloat32(double c1, double c2) {
        float step = (float) (lr * c1);
        for (int k = 0; k < params.length; k++) {
            float32.step(params[k].value().data, params[k].gradient().data, m32[k], v32[k], m32[k].length, decay[k],
                    (float) beta1, (float) (1.0 - beta1), (float) beta2, (float) (1.0 - beta2), step, (float) c2,
                    (float) eps);
        }
    }
}
