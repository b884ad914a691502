package dev.hypersearch.nn;

/** Classical momentum: v = mu*v - lr*g; w += v (velocity starts at zero). */
final class MomentumOptimizer implements Optimizer {

    private final double lr;
    private final double mu;
    private final Parameter[] params;
    private final double[][] velocity;

    MomentumOptimizer(double lr, double mu, Parameter[] params) {
        this.lr = lr;
        this.mu = mu;
        this.params = params;
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
            int n = v.length;
            for (int i = 0; i < n; i++) {
                double vi = mu * v[i] - lr * g[i];
                v[i] = vi;
                w[i] += vi;
            }
        }
    }
}
