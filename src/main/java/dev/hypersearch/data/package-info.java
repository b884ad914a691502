/**
 * Data sets for the MLP engine: the immutable {@link dev.hypersearch.data.Dataset}, CSV reading,
 * seeded train/validation splits and k-fold, standardization fitted on the training split, and the
 * built-in sets. Plain Java (no Spring, no JPA) so it can be tested and benchmarked alone.
 */
package dev.hypersearch.data;
