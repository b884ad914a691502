/**
 * Search specs and strategies, in plain Java (no Spring, JPA or Jackson). A REST layer binds JSON to
 * plain values and calls {@link dev.hypersearch.search.SearchSpec#parse}, which checks everything
 * against the {@link dev.hypersearch.search.MlpParameters} catalogue and reports every problem with a
 * JSON-path-like field. {@link dev.hypersearch.search.Strategies#create} then gives random access to
 * trial parameters by trial number, so any worker can materialise any trial.
 */
package dev.hypersearch.search;
