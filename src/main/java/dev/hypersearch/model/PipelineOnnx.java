package dev.hypersearch.model;

import dev.hypersearch.data.ingest.MissingMarkers;
import dev.hypersearch.data.pipeline.CategoricalStep;
import dev.hypersearch.data.pipeline.ColumnStep;
import dev.hypersearch.data.pipeline.DateStep;
import dev.hypersearch.data.pipeline.FittedPipeline;
import dev.hypersearch.data.pipeline.NumericStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXRef;

/**
 * A {@link FittedPipeline} as an ONNX sub-graph, one graph input per original column, [N, 1]: numeric and boolean
 * columns float32 with NaN for missing (imputed with Where, the indicator a Cast of IsNaN, then standardized);
 * categorical columns string, "" or a marker such as NA for missing (a LabelEncoder to the one-hot position,
 * unlisted levels to "other", then Equal against the positions); dates float32 days since 1970-01-01, NaN for
 * missing, turned into the calendar with integer arithmetic (Howard Hinnant's civil-from-days) and Sin/Cos.
 */
final class PipelineOnnx {

    /** ONNX's data type number for int64, as Cast takes it. */
    private static final int INT64 = 7;

    private final ONNXContext ctx;
    private int names;

    private PipelineOnnx(ONNXContext ctx) {
        this.ctx = ctx;
    }

    static ONNXRef<?> graph(ONNXContext ctx, FittedPipeline pipeline) {
        PipelineOnnx g = new PipelineOnnx(ctx);
        List<ONNXRef<?>> parts = new ArrayList<>();
        for (ColumnStep s : pipeline.steps()) {
            if (s instanceof NumericStep n) {
                g.numeric(n, parts);
            } else if (s instanceof CategoricalStep c) {
                parts.add(g.categorical(c));
            } else {
                g.date((DateStep) s, parts);
            }
        }
        return ctx.operation(ONNXOperators.CONCAT, parts, "hs_features", Map.of("axis", 1));
    }

    private String name(String what) {
        return "hs_" + what + "_" + names++;
    }

    private ONNXRef<?> f(float v) {
        return ctx.constant(name("c"), v);
    }

    private ONNXRef<?> i(long v) {
        return ctx.constant(name("c"), v);
    }

    private ONNXRef<?> op(ONNXOperators o, ONNXRef<?> a, ONNXRef<?> b) {
        return ctx.operation(o, List.of(a, b), name(o.getOpName().toLowerCase()));
    }

    /** (x - mean) / scale after imputing NaN with the median; the indicator after it where the step has one. */
    private void numeric(NumericStep s, List<ONNXRef<?>> parts) {
        ONNXRef<?> x = ctx.floatInput(s.column(), 1);
        ONNXRef<?> nan = x.apply(OnnxOps.IS_NAN);
        ONNXRef<?> filled = ctx.operation(ONNXOperators.WHERE, List.of(nan, f((float) s.median()), x), name("fill"));
        parts.add(op(ONNXOperators.DIV, op(ONNXOperators.SUB, filled, f((float) s.mean())), f((float) s.scale())));
        if (s.indicator()) {
            parts.add(nan.cast(float.class));
        }
    }

    /**
     * Kept levels to 0..k-1, "" and the missing markers (NA, null, ... in any case) to k (missing), anything
     * else to k+1 (other); one-hot by Equal. Strings are matched as given: unlike predict, the graph does not
     * strip spaces.
     */
    private ONNXRef<?> categorical(CategoricalStep s) {
        int k = s.levels().size();
        List<String> keys = new ArrayList<>(s.levels());
        List<Integer> values = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            values.add(j);
        }
        for (String marker : MissingMarkers.lowerCase()) {
            for (String spelling : caseVariants(marker)) {
                if (!keys.contains(spelling)) {
                    keys.add(spelling);
                    values.add(k);
                }
            }
        }
        ONNXRef<?> x = ctx.floatInput(s.column(), 1); // declared string by OnnxModelFile (stringInputs)
        ONNXRef<?> index = x.apply(OnnxOps.LEVEL_INDEX, Map.of("keys_strings", keys.toArray(String[]::new),
                "values_int64s", values.stream().mapToInt(Integer::intValue).toArray(), "default_int64", k + 1));
        long[] positions = new long[k + 2];
        for (int j = 0; j < positions.length; j++) {
            positions[j] = j;
        }
        return op(OnnxOps.EQUAL, index, ctx.array(name("positions"), positions)).cast(float.class);
    }

    /** Every upper/lower-case spelling of {@code lower}, e.g. na, nA, Na, NA. */
    static List<String> caseVariants(String lower) {
        List<String> out = new ArrayList<>(List.of(""));
        for (char c : lower.toCharArray()) {
            List<String> next = new ArrayList<>();
            for (String prefix : out) {
                next.add(prefix + c);
                char upper = Character.toUpperCase(c);
                if (upper != c) {
                    next.add(prefix + upper);
                }
            }
            out = next;
        }
        return out;
    }

    private ONNXRef<?> op(OnnxOps o, ONNXRef<?> a, ONNXRef<?> b) {
        return ctx.operation(o, List.of(a, b), name(o.getOpName().toLowerCase()));
    }

    private void date(DateStep s, List<ONNXRef<?>> parts) {
        ONNXRef<?> x = ctx.floatInput(s.column(), 1);
        ONNXRef<?> nan = x.apply(OnnxOps.IS_NAN);
        ONNXRef<?> filled = ctx.operation(ONNXOperators.WHERE, List.of(nan, f((float) s.medianEpochDay()), x),
                name("fill"));
        // Days since 0000-03-01, non-negative for years from 0 on, so integer Div (truncation) is floor division.
        ONNXRef<?> z = add(filled.apply(ONNXOperators.CAST, Map.of("to", INT64)), 719_468);
        ONNXRef<?> era = div(z, 146_097);
        ONNXRef<?> doe = sub(z, mul(era, 146_097));
        ONNXRef<?> yoe = div(op(ONNXOperators.SUB, op(ONNXOperators.ADD, sub(doe, div(doe, 1460)), div(doe, 36_524)),
                div(doe, 146_096)), 365);
        ONNXRef<?> doyFromMarch = op(ONNXOperators.SUB, doe, op(ONNXOperators.SUB,
                op(ONNXOperators.ADD, mul(yoe, 365), div(yoe, 4)), div(yoe, 100)));
        ONNXRef<?> mp = div(add(mul(doyFromMarch, 5), 2), 153); // 0 = March ... 11 = February
        ONNXRef<?> year = op(ONNXOperators.ADD, op(ONNXOperators.ADD, yoe, mul(era, 400)), div(mp, 10));
        ONNXRef<?> month = mod(add(mp, 2), 12); // 0 = January
        ONNXRef<?> dayOfWeek = mod(add(z, 2), 7); // 0 = Monday (1970-01-01, a Thursday, gives 3)
        ONNXRef<?> startOfYear = marchDaysBefore(sub(year, 1));
        ONNXRef<?> dayOfYear = op(ONNXOperators.SUB, z, startOfYear); // 0 = January 1st
        ONNXRef<?> yearLength = op(ONNXOperators.SUB, marchDaysBefore(year), startOfYear);

        parts.add(op(ONNXOperators.DIV, op(ONNXOperators.SUB, year.cast(float.class), f((float) s.yearMean())),
                f((float) s.yearScale())));
        cyclic(month.cast(float.class), f(12), parts);
        cyclic(dayOfWeek.cast(float.class), f(7), parts);
        cyclic(dayOfYear.cast(float.class), yearLength.cast(float.class), parts);
        if (s.indicator()) {
            parts.add(nan.cast(float.class));
        }
    }

    /**
     * Days from 0000-03-01 to January 1st of year {@code y} + 1 (days_from_civil without its epoch shift):
     * differences of it give a year's start and length.
     */
    private ONNXRef<?> marchDaysBefore(ONNXRef<?> y) {
        ONNXRef<?> era = div(y, 400);
        ONNXRef<?> yoe = sub(y, mul(era, 400));
        ONNXRef<?> doe = op(ONNXOperators.SUB, op(ONNXOperators.ADD, mul(yoe, 365), div(yoe, 4)), div(yoe, 100));
        return add(op(ONNXOperators.ADD, mul(era, 146_097), doe), 306);
    }

    /** sin and cos of 2 pi position / period, as {@code DateStep} writes them. */
    private void cyclic(ONNXRef<?> position, ONNXRef<?> period, List<ONNXRef<?>> parts) {
        ONNXRef<?> angle = op(ONNXOperators.DIV, op(ONNXOperators.MUL, position, f((float) (2 * Math.PI))), period);
        parts.add(angle.apply(OnnxOps.SIN));
        parts.add(angle.apply(OnnxOps.COS));
    }

    private ONNXRef<?> add(ONNXRef<?> a, long b) {
        return op(ONNXOperators.ADD, a, i(b));
    }

    private ONNXRef<?> sub(ONNXRef<?> a, long b) {
        return op(ONNXOperators.SUB, a, i(b));
    }

    private ONNXRef<?> sub(ONNXRef<?> a, ONNXRef<?> b) {
        return op(ONNXOperators.SUB, a, b);
    }

    private ONNXRef<?> mul(ONNXRef<?> a, long b) {
        return op(ONNXOperators.MUL, a, i(b));
    }

    private ONNXRef<?> div(ONNXRef<?> a, long b) {
        return op(ONNXOperators.DIV, a, i(b));
    }

    /** a mod b for non-negative a. */
    private ONNXRef<?> mod(ONNXRef<?> a, long b) {
        return sub(a, mul(div(a, b), b));
    }
}
