package dev.hypersearch.store;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.hypersearch.data.pipeline.CategoricalStep;
import dev.hypersearch.data.pipeline.ColumnStep;
import dev.hypersearch.data.pipeline.DateStep;
import dev.hypersearch.data.pipeline.FittedPipeline;
import dev.hypersearch.data.pipeline.NumericStep;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link FittedPipeline} as JSON and back: {@code {"steps": [{"step": "numeric", "column": ..., "median": ...},
 * ...]}}. The pipeline's records stay free of Jackson (plain Java); the step type is added by a mix-in here.
 */
public final class PipelineJson {

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "step")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = NumericStep.class, name = "numeric"),
            @JsonSubTypes.Type(value = CategoricalStep.class, name = "categorical"),
            @JsonSubTypes.Type(value = DateStep.class, name = "date")})
    private interface StepType {
    }

    private static final JsonMapper JSON = JsonMapper.builder().addMixIn(ColumnStep.class, StepType.class).build();

    private PipelineJson() {
    }

    public static String write(FittedPipeline pipeline) {
        return JSON.writeValueAsString(pipeline);
    }

    /** Reads what {@link #write} wrote; also a JSON string holding it (how H2 may return a JSON column). */
    public static FittedPipeline read(String json) {
        String text = json.startsWith("\"") ? JSON.readValue(json, String.class) : json;
        return JSON.readValue(text, FittedPipeline.class);
    }
}
