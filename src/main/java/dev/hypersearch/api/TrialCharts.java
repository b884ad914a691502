package dev.hypersearch.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * What the search page draws, aggregated by the server so that a search of any size costs the browser a
 * bounded payload: never every trial, never every curve.
 *
 * @param finished  completed trials with a validation loss (the population the charts describe)
 * @param bestSoFar the running minimum of validation loss by trial number: one point per improvement and a
 *                  last point at the newest completed trial, at most {@link TrialChartsController#MAX_POINTS}
 * @param sample    completed trials with the parameters their spec varies: all of them up to the cap, else the best ones
 *                  plus an even spread by trial number
 * @param sampled   whether {@code sample} holds fewer trials than {@code finished}
 * @param curves    learning curves of the top-k trials by validation loss (best first), then of requested ones
 */
public record TrialCharts(long finished, List<BestPoint> bestSoFar, List<SamplePoint> sample, boolean sampled,
                          List<Curve> curves) {

    /** Serialized as {@code [number, valLoss]}. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    public record BestPoint(int number, double valLoss) {
    }

    public record SamplePoint(long id, int number, double valLoss, @Nullable Double valAccuracy, Map<String, Object> params) {
    }

    public record Curve(long id, int number, @Nullable Double valLoss, List<TrialDetail.CurvePoint> points) {
    }
}
