package dev.hypersearch.nn;

/** Classical momentum: v = mu*v - lr*g; w += v (velocity starts at zero). */
final class MomentumOptimizer implements Optimizer {

    private final double lr;
    private final double mu;
    private final Parameter[] params;
    private final double[][] velocity;
    private final double[] decay;

    MomentumOptimizer(double lr, double mu, Parameter[] params, double[] decay) {
        this.lr = lr;
        this.mu = mu;
        this.params = params;
        this.decay = decay;
        this.velocity = new double[params.length][];
        for (int k = 0; k < params.length; k++) {
            velocity[k] = new double[params[k].value().getNumElements()];
        }
    }

    @Override
    public void step() {
        for (int k = 0; k < params.length; k++) {
            double[] w = params[k].value().data;
            double[] g = params[k].gradient().data;
            double[] v = velocity[k];
            double l2 = decay[k];
            int n = v.length;
            for (int i = 0; i < n; i++) {
                double vi = mu * v[i] - lr * Optimizer.gradient(g[i], l2, w[i]);
                v[i] = vi;
                w[i] += vi;
            }
        }
    }
}
