package dev.hypersearch.nn;

import java.util.List;

/**
 * Update rule as a strategy object: bound once to a fixed parameter list (so its state arrays are
 * allocated once), then {@link #step()} applies one update from the current gradients. L2 is
 * already part of the weight gradients, so optimizers need not know which parameters decay.
 */
interface Optimizer {

    void step();

    static Optimizer create(OptimizerConfig config, List<Parameter> parameters) {
        Parameter[] ps = parameters.toArray(new Parameter[0]);
        return switch (config.kind()) {
            case SGD -> new SgdOptimizer(config.learningRate(), ps);
            case MOMENTUM -> new MomentumOptimizer(config.learningRate(), config.momentum(), ps);
            case ADAM -> new AdamOptimizer(config.learningRate(), config.beta1(), config.beta2(), config.epsilon(),
                    ps);
        };
    }
}
