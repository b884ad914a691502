/**
 * Search specs and strategies, in plain Java (no Spring, JPA or Jackson). A REST layer binds JSON to
 * plain values and calls {@link dev.hypersearch.search.SearchSpec#parse}, which checks everything
 * against the {@link dev.hypersearch.search.MlpParameters} catalogue and reports every problem with a
 * JSON-path-like field. {@link dev.hypersearch.search.Strategies#create} then gives random access to
 * trial parameters by trial number, so any worker can materialise any trial.
 *
 * <p>Pruning, staged and validated searches: {@link dev.hypersearch.search.PrunerSpec} builds the per-trial pruners of
 * {@code dev.hypersearch.search.pruning}; {@link dev.hypersearch.search.CoarseToFine} narrows a stage's
 * space to its best trials and samples the next stage; the spec also carries k-fold validation and the
 * sanity-check flag, which the trial package acts on.
 */
package dev.hypersearch.search;
