package dev.hypersearch.nn;

/** Plain gradient descent: w -= lr * g. */
final class SgdOptimizer implements Optimizer {

    private final double lr;
    private final Parameter[] params;
    private final double[] decay;

    SgdOptimizer(double lr, Parameter[] params, double[] decay) {
        this.lr = lr;
        this.params = params;
        this.decay = decay;
    }

    @Override
    public void step() {
        for (int k = 0; k < params.length; k++) {
            double[] w = params[k].value().data;
            double[] g = params[k].gradient().data;
            double l2 = decay[k];
            int n = params[k].value().getNumElements();
            for (int i = 0; i < n; i++) {
                w[i] -= lr * Optimizer.gradient(g[i], l2, w[i]);
            }
        }
    }
}
