package dev.hypersearch.api;

/** {@link StoredTextContract} on the in-memory H2 database. */
class StoredTextIT extends StoredTextContract {
}
