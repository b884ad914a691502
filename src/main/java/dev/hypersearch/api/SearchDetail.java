package dev.hypersearch.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Map;

/** The summary plus the spec as stored: seed included, so the search can be replayed by resubmitting it. */
public record SearchDetail(@JsonUnwrapped SearchSummary summary, Map<String, Object> spec) {
}
