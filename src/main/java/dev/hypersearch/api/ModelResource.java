package dev.hypersearch.api;

import dev.hypersearch.model.FeatureColumn;
import dev.hypersearch.model.RefitMetrics;
import dev.hypersearch.search.TrialParams;
import dev.hypersearch.store.ModelRecord;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A model as the API shows it. {@code metrics}, {@code featureSchema} and {@code classes} are set once it is READY.
 *
 * @param status TRAINING (queued or refitting), READY or FAILED
 * @param classes classification: class names in the order of the model's probability outputs; null for regression
 */
public record ModelResource(long id, @Schema(allowableValues = {"TRAINING", "READY", "FAILED"}) String status,
                            long searchId, long trialId, int trialNumber, TrialParams parameters, String dataset,
                            String task, RefitMetrics metrics, List<FeatureColumn> featureSchema, List<String> classes,
                            String error, int attempt, Instant createdAt, Instant startedAt, Instant finishedAt,
                            @Schema(description = "the name of the token that asked for it; null with security off")
                            @Nullable String owner) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ModelResource of(ModelRecord m) {
        return new ModelResource(m.id(), m.status(), m.searchId(), m.trialId(), m.trialNumber(), m.params(),
                m.dataset(), m.task(),
                m.metricsJson() == null ? null : JSON.readValue(unquoted(m.metricsJson()), RefitMetrics.class),
                m.featureSchemaJson() == null ? null : JSON.readValue(unquoted(m.featureSchemaJson()),
                        new TypeReference<List<FeatureColumn>>() { }),
                m.classesJson() == null ? null : JSON.readValue(unquoted(m.classesJson()),
                        new TypeReference<List<String>>() { }),
                m.error(), m.attempt(), m.createdAt(), m.startedAt(), m.finishedAt(), m.owner());
    }

    /** H2 may hand a JSON column back as a JSON string holding the document. */
    private static String unquoted(String json) {
        return json.startsWith("\"") ? JSON.readValue(json, String.class) : json;
    }
}
