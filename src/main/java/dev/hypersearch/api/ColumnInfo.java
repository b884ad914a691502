package dev.hypersearch.api;

import dev.hypersearch.data.ingest.ColumnProfile;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;
import java.util.List;
import java.util.Locale;

/** One column of a data set as profiled at upload. */
public record ColumnInfo(
        String name,
        @Schema(allowableValues = {"numeric", "categorical", "boolean", "date", "text"}) String type,
        @Schema(allowableValues = {"feature", "label", "ignored"}) String role,
        @Schema(description = "why an ignored column is not used", allowableValues = {"identifier", "constant",
                "free_text", "user"}) @Nullable String ignoredReason,
        @Schema(description = "missing cells (empty, NA, N/A, null, NaN, ?, .)") int missing,
        @Schema(description = "distinct present values; more than this when distinctCapped") int distinct,
        boolean distinctCapped,
        @Schema(description = "up to three distinct values, as written in the file") List<String> examples,
        @Schema(description = "the layout dates were read in, for date columns") @Nullable String dateFormat) {

    static ColumnInfo of(ColumnProfile p) {
        return new ColumnInfo(p.name(), wire(p.type()), wire(p.role()),
                p.ignoredReason() == null ? null : wire(p.ignoredReason()), p.missing(), p.distinct(),
                p.distinctCapped(), p.examples(), p.dateFormat());
    }

    static String wire(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
