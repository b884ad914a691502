/**
 * The REST API: controllers, request/response records, problem+json errors and server-sent events.
 * Depends on {@code search} (spec validation, strategies), {@code store} (persistence, lifecycle, events)
 * and {@code data} (CSV format errors); nothing depends on it. Request bodies of searches are bound as
 * plain maps and validated by {@link dev.hypersearch.search.SearchSpec#parse}, so the search package
 * stays the one place that knows what a valid spec is.
 */
package dev.hypersearch.api;
