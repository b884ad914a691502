package dev.hypersearch.nn;

import java.util.List;

/**
 * Update rule as a strategy object: bound once to a fixed parameter list (so its state arrays are
 * allocated once), then {@link #step()} applies one update from the current gradients. With
 * {@code l2 = 0} the gradients are taken as they are (L2 already in the weight gradients, as
 * {@link Network#backward} adds it); with {@code l2 > 0} the data-loss gradients are, and each step adds
 * {@code l2 * w} to the gradient of every {@link Parameter#decayed()} parameter as it reads it: the same
 * sum as backward's, bit for bit, without a separate pass over the weights and their gradients (it
 * was a thirtieth of a trial).
 */
interface Optimizer {

    void step();

    static Optimizer create(OptimizerConfig config, List<Parameter> parameters) {
        return create(config, parameters, 0.0);
    }

    static Optimizer create(OptimizerConfig config, List<Parameter> parameters, double l2) {
        return create(config, parameters, l2, null);
    }

    /**
     * {@code float32Adam}: Adam's kernel for float32 moments (a float32 run's {@link Transcendentals#float32Adam()}),
     * or null for float64 moments; the other optimizers ignore it.
     */
    static Optimizer create(OptimizerConfig config, List<Parameter> parameters, double l2, Float32Adam float32Adam) {
        Parameter[] ps = parameters.toArray(new Parameter[0]);
        double[] decay = new double[ps.length];
        for (int k = 0; k < ps.length; k++) {
            decay[k] = ps[k].decayed() && l2 > 0 ? l2 : 0.0;
        }
        return switch (config.kind()) {
            case SGD -> new SgdOptimizer(config.learningRate(), ps, decay);
            case MOMENTUM -> new MomentumOptimizer(config.learningRate(), config.momentum(), ps, decay);
            case ADAM -> new AdamOptimizer(config.learningRate(), config.beta1(), config.beta2(), config.epsilon(),
                    ps, decay, float32Adam);
        };
    }

    /** The gradient a step uses: g, plus decay * w for a decayed parameter (the sum DenseLayer.backward forms). */
    static double gradient(double g, double decay, double w) {
        return decay > 0 ? g + decay * w : g;
    }
}
