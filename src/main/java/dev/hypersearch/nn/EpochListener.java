package dev.hypersearch.nn;

/**
 * Called after every finished epoch. Returning false stops training (outcome STOPPED), which is
 * how pruners end unpromising trials. An exception thrown here propagates out of train().
 */
@FunctionalInterface
public interface EpochListener {

    boolean onEpoch(EpochMetrics metrics);

    EpochListener NONE = m -> true;
}
