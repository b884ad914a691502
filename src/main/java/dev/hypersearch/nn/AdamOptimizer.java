package dev.hypersearch.nn;

/**
 * Adam (Kingma and Ba) with bias correction: m and v are exponential averages of g and g^2,
 * divided by (1 - beta^t) so the first steps are not biased toward zero.
 * w -= lr * mhat / (sqrt(vhat) + eps).
 */
final class AdamOptimizer implements Optimizer {

    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final Parameter[] params;
    private final double[][] m;
    private final double[][] v;
    private final double[] decay;
    private double beta1Power = 1.0;
    private double beta2Power = 1.0;

    AdamOptimizer(double lr, double beta1, double beta2, double eps, Parameter[] params, double[] decay) {
        this.lr = lr;
        this.decay = decay;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.params = params;
        this.m = new double[params.length][];
        this.v = new double[params.length][];
        for (int k = 0; k < params.length; k++) {
            m[k] = new double[params[k].value().getNumElements()];
            v[k] = new double[params[k].value().getNumElements()];
        }
    }

    @Override
    public void step() {
        beta1Power *= beta1;
        beta2Power *= beta2;
        double c1 = 1.0 / (1.0 - beta1Power);
        double c2 = 1.0 / (1.0 - beta2Power);
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
}
