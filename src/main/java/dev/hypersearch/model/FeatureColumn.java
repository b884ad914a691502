package dev.hypersearch.model;

/**
 * One original column of a model's input, as its schema shows it.
 *
 * @param type      numeric, boolean, categorical or date: the kind of value it takes
 * @param treatment what the preprocessing does with it, in words
 */
public record FeatureColumn(String name, String type, String treatment) {
}
