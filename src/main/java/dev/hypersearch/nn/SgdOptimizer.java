package dev.hypersearch.nn;

/** Plain gradient descent: w -= lr * g. */
final class SgdOptimizer implements Optimizer {

    private final double lr;
    private final Parameter[] params;

    SgdOptimizer(double lr, Parameter[] params) {
        this.lr = lr;
        this.params = params;
    }

    @Override
    public void step() {
        for (Parameter p : params) {
            double[] w = p.value().data;
            double[] g = p.gradient().data;
            int n = p.value().getNumElements();
            for (int i = 0; i < n; i++) {
                w[i] -= lr * g[i];
            }
        }
    }
}
