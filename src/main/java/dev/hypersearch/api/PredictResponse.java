package dev.hypersearch.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** A model's predictions, in the order of the request's rows. */
public record PredictResponse(List<Prediction> predictions) {

    /**
     * One row's prediction: {@code label} and {@code probabilities} (class to probability, in the model's class
     * order) for classification, {@code value} for regression.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Prediction(String label, Map<String, Double> probabilities, Double value) {
    }
}
