package dev.hypersearch.api;

import dev.hypersearch.store.SearchStatus;
import jakarta.annotation.Nullable;
import java.time.Instant;

/**
 * A search as lists show it; {@code best} is null until a trial completes with a finite loss. {@code owner} is the
 * name of the token that created it (null if made with security off).
 */
public record SearchSummary(long id, String name, String dataset, String strategy, SearchStatus status,
                            Instant createdAt, @Nullable Instant finishedAt, @Nullable String message, Progress progress,
                            @Nullable BestTrial best, @Nullable String owner) {
}
