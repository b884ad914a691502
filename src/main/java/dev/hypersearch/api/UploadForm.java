package dev.hypersearch.api;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;
import java.util.List;

/** The upload's multipart form, as documented (the controller reads the same fields one by one). */
@Schema(description = "A data set upload")
record UploadForm(
        @Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED,
                description = "comma, semicolon or tab separated text with a header row; UTF-8 (a BOM is skipped);"
                        + " may be gzip-compressed") Object file,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}") String name,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, description = "the label column; default: the column an override makes the label, else the last")
        @Nullable String labelColumn,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, allowableValues = {"classification", "regression"},
                description = "default: inferred from the label")
        @Nullable String task,
        @ArraySchema(schema = @Schema(implementation = ColumnChoice.class), arraySchema = @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED,
                description = "per-column overrides, sent as one JSON text field"))
        @Nullable List<ColumnChoice> columns,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, description = "profile only, store nothing (200 instead of 201)", defaultValue = "false")
        @Nullable Boolean dryRun) {
}
