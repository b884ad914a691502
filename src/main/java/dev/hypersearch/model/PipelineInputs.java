package dev.hypersearch.model;

import dev.hypersearch.data.pipeline.CategoricalStep;
import dev.hypersearch.data.pipeline.ColumnStep;
import dev.hypersearch.data.pipeline.DateStep;
import dev.hypersearch.data.pipeline.FittedPipeline;
import dev.hypersearch.data.pipeline.NumericStep;
import dev.hypersearch.data.ingest.MissingMarkers;
import dev.hypersearch.data.table.CategoricalColumn;
import dev.hypersearch.data.table.Column;
import dev.hypersearch.data.table.ColumnType;
import dev.hypersearch.data.table.DateColumn;
import dev.hypersearch.data.table.NumericColumn;
import dev.hypersearch.store.PipelineJson;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXRef;

/**
 * A model's preprocessing: the {@link FittedPipeline} trials use, fitted on the refit's rows. Predict turns the
 * request's values into one typed column per step and runs the pipeline's own {@link ColumnStep#write}, so a
 * model transforms exactly as its trial did; the ONNX export is {@link PipelineOnnx}.
 */
public final class PipelineInputs implements ModelInputs {

    static final String TAG = "pipeline-v1";

    private final FittedPipeline pipeline;

    public PipelineInputs(FittedPipeline pipeline) {
        this.pipeline = pipeline;
    }

    public FittedPipeline pipeline() {
        return pipeline;
    }

    @Override
    public List<FeatureColumn> schema() {
        List<FeatureColumn> out = new ArrayList<>(pipeline.steps().size());
        for (ColumnStep s : pipeline.steps()) {
            out.add(describe(s));
        }
        return out;
    }

    private static FeatureColumn describe(ColumnStep s) {
        if (s instanceof NumericStep n && n.bool()) {
            return new FeatureColumn(n.column(), "boolean", String.format(Locale.ROOT, "0/1; missing -> %s%s",
                    n.median(), n.indicator() ? ", plus a missing indicator" : ""));
        }
        if (s instanceof NumericStep n) {
            return new FeatureColumn(n.column(), "numeric", String.format(Locale.ROOT,
                    "missing -> median %.6g%s; standardized: (x - %.6g) / %.6g", n.median(),
                    n.indicator() ? " plus a missing indicator" : "", n.mean(), n.scale()));
        }
        if (s instanceof CategoricalStep c) {
            return new FeatureColumn(c.column(), "categorical", "one-hot over " + c.levels().size() + " levels "
                    + c.levels() + ", plus \"missing\" (null, empty or a marker such as NA) and \"other\" (any"
                    + " other level, including ones never seen in training)");
        }
        DateStep d = (DateStep) s;
        return new FeatureColumn(d.column(), "date", "yyyy-MM-dd (ONNX: days since 1970-01-01 as float32); missing"
                + " -> " + LocalDate.ofEpochDay(d.medianEpochDay()) + (d.indicator() ? " plus a missing indicator"
                : "") + "; year standardized, month, day of week and day of year as sin/cos pairs");
    }

    @Override
    public int width() {
        return pipeline.width();
    }

    @Override
    public double[] encode(List<RawRow> rows) {
        int n = rows.size();
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        int width = width();
        double[] out = new double[n * width];
        int offset = 0;
        for (ColumnStep s : pipeline.steps()) {
            s.write(column(s, rows), all, out, width, offset);
            offset += s.width();
        }
        return out;
    }

    /** The request's values of one step's column, typed as the step takes them. */
    private static Column column(ColumnStep step, List<RawRow> rows) {
        String name = step.column();
        int n = rows.size();
        if (step instanceof NumericStep s) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = s.bool() ? bool(rows.get(i).get(name), i, name) : number(rows.get(i).get(name), i, name);
            }
            return new NumericColumn(name, s.bool() ? ColumnType.BOOLEAN : ColumnType.NUMERIC, v);
        }
        if (step instanceof CategoricalStep) {
            Map<String, Integer> codes = new HashMap<>();
            List<String> levels = new ArrayList<>();
            int[] c = new int[n];
            for (int i = 0; i < n; i++) {
                String level = category(rows.get(i).get(name), i, name);
                c[i] = level == null ? CategoricalColumn.MISSING : codes.computeIfAbsent(level, l -> {
                    levels.add(l);
                    return levels.size() - 1;
                });
            }
            return new CategoricalColumn(name, c, levels);
        }
        long[] d = new long[n];
        for (int i = 0; i < n; i++) {
            d[i] = date(rows.get(i).get(name), i, name);
        }
        return new DateColumn(name, d);
    }

    private static double number(RawValue v, int row, String column) {
        if (v == null) {
            return Double.NaN;
        }
        if (v instanceof RawValue.Number x) {
            return x.value();
        }
        throw new BadInputException(row, column, "expected a number or null, got " + v.kind());
    }

    private static double bool(RawValue v, int row, String column) {
        if (v == null) {
            return Double.NaN;
        }
        if (v instanceof RawValue.Bool b) {
            return b.value() ? 1 : 0;
        }
        if (v instanceof RawValue.Number x && (x.value() == 0 || x.value() == 1)) {
            return x.value();
        }
        throw new BadInputException(row, column, "expected true, false, 0, 1 or null, got "
                + (v instanceof RawValue.Number x ? String.valueOf(x.value()) : v.kind()));
    }

    /** The level, stripped as the upload strips cells; null when missing (null, or a marker such as "" or NA). */
    private static String category(RawValue v, int row, String column) {
        if (v == null) {
            return null;
        }
        if (v instanceof RawValue.Text t) {
            String level = t.value().strip();
            return MissingMarkers.isMissing(level) ? null : level;
        }
        throw new BadInputException(row, column, "expected a string (a category) or null, got " + v.kind());
    }

    private static long date(RawValue v, int row, String column) {
        if (v == null) {
            return DateColumn.MISSING;
        }
        if (v instanceof RawValue.Text t) {
            String text = t.value().strip();
            if (MissingMarkers.isMissing(text)) {
                return DateColumn.MISSING;
            }
            try {
                return LocalDate.parse(text).toEpochDay();
            } catch (DateTimeParseException e) {
                throw new BadInputException(row, column, "expected a date as yyyy-MM-dd, got '" + t.value() + "'");
            }
        }
        throw new BadInputException(row, column, "expected a date string yyyy-MM-dd or null, got " + v.kind());
    }

    @Override
    public ONNXRef<?> onnxGraph(ONNXContext context) {
        return PipelineOnnx.graph(context, pipeline);
    }

    @Override
    public List<String> stringInputs() {
        return pipeline.steps().stream().filter(s -> s instanceof CategoricalStep).map(ColumnStep::column).toList();
    }

    @Override
    public String codecTag() {
        return TAG;
    }

    /** The pipeline as the search's stored pipelines are: its JSON, UTF-8, after its length. */
    @Override
    public void write(DataOutputStream out) throws IOException {
        byte[] json = PipelineJson.write(pipeline).getBytes(StandardCharsets.UTF_8);
        out.writeInt(json.length);
        out.write(json);
    }

    static PipelineInputs read(DataInputStream in) throws IOException {
        byte[] json = new byte[in.readInt()];
        in.readFully(json);
        return new PipelineInputs(PipelineJson.read(new String(json, StandardCharsets.UTF_8)));
    }

    /**
     * A model stored before the pipeline (tag {@code standardized-v1}: numeric columns, mean and scale): the same
     * transform as numeric steps without an indicator, a missing value imputed with the mean.
     */
    static PipelineInputs readStandardized(DataInputStream in) throws IOException {
        int d = in.readInt();
        List<ColumnStep> steps = new ArrayList<>(d);
        for (int j = 0; j < d; j++) {
            String name = in.readUTF();
            double mean = in.readDouble();
            double scale = in.readDouble();
            steps.add(new NumericStep(name, false, mean, mean, scale, false));
        }
        return new PipelineInputs(new FittedPipeline(steps, null));
    }
}
