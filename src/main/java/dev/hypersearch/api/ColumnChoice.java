package dev.hypersearch.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;

/** The user's type or role for one column at upload (the {@code columns} form field is a JSON array of these). */
@Schema(description = "Overrides the inferred type or role of one column; omit a field to keep the inferred one")
public record ColumnChoice(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
        @Schema(allowableValues = {"numeric", "categorical", "boolean", "date", "text"}) @Nullable String type,
        @Schema(allowableValues = {"feature", "label", "ignored"}) @Nullable String role) {
}
