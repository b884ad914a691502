package dev.hypersearch.model;

import dev.hypersearch.data.Dataset;
import dev.hypersearch.data.Standardizer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXRef;

/**
 * Today's preprocessing: every column numeric, standardized with the training rows' mean and standard deviation
 * ({@link Standardizer}). There is no imputation on this path, so a missing value is refused (the mixed-type
 * pipeline, which imputes, replaces this class).
 */
public final class StandardizedInputs implements ModelInputs {

    static final String TAG = "standardized-v1";

    private final List<String> columns;
    private final double[] means;
    private final double[] scales;

    StandardizedInputs(List<String> columns, double[] means, double[] scales) {
        if (columns.size() != means.length || means.length != scales.length) {
            throw new IllegalArgumentException("one mean and one scale per column");
        }
        this.columns = List.copyOf(columns);
        this.means = means.clone();
        this.scales = scales.clone();
    }

    /** Fitted on every row of the data set. */
    public static StandardizedInputs fit(Dataset rows) {
        Standardizer s = Standardizer.fit(rows.features());
        return new StandardizedInputs(rows.featureNames(), s.means(), s.scales());
    }

    /** The data set's feature matrix as the network sees it, row-major. */
    public double[] transform(Dataset rows) {
        int d = columns.size();
        double[] out = new double[rows.size() * d];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < d; j++) {
                out[i * d + j] = (rows.feature(i, j) - means[j]) / scales[j];
            }
        }
        return out;
    }

    @Override
    public List<FeatureColumn> schema() {
        List<FeatureColumn> out = new ArrayList<>(columns.size());
        for (int j = 0; j < columns.size(); j++) {
            out.add(new FeatureColumn(columns.get(j), "numeric", String.format(java.util.Locale.ROOT,
                    "standardized: (x - %.6g) / %.6g; a missing value is refused (no imputation)", means[j],
                    scales[j])));
        }
        return out;
    }

    @Override
    public int width() {
        return columns.size();
    }

    @Override
    public void encode(RawRow row, int index, double[] out, int offset) {
        for (int j = 0; j < columns.size(); j++) {
            String column = columns.get(j);
            RawValue v = row.get(column);
            if (v == null) {
                throw new BadInputException(index, column, "missing value: this model's numeric columns have no"
                        + " imputation, so every feature column is required");
            }
            if (!(v instanceof RawValue.Number n)) {
                throw new BadInputException(index, column, "expected a number, got " + v.kind());
            }
            out[offset + j] = (n.value() - means[j]) / scales[j];
        }
    }

    @Override
    public ONNXRef<?> onnxGraph(ONNXContext context) {
        List<ONNXRef<?>> inputs = new ArrayList<>(columns.size());
        for (String column : columns) {
            inputs.add(context.floatInput(column, 1));
        }
        float[] offset = new float[means.length];
        float[] scale = new float[scales.length];
        for (int j = 0; j < means.length; j++) {
            offset[j] = (float) means[j];
            scale[j] = (float) (1.0 / scales[j]);
        }
        ONNXRef<?> features = context.operation(ONNXOperators.CONCAT, inputs, "hs_features", Map.of("axis", 1));
        return features.apply(OnnxOps.SCALER, Map.of("offset", offset, "scale", scale));
    }

    @Override
    public String codecTag() {
        return TAG;
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(columns.size());
        for (int j = 0; j < columns.size(); j++) {
            out.writeUTF(columns.get(j));
            out.writeDouble(means[j]);
            out.writeDouble(scales[j]);
        }
    }

    static StandardizedInputs read(DataInputStream in) throws IOException {
        int d = in.readInt();
        List<String> names = new ArrayList<>(d);
        double[] means = new double[d];
        double[] scales = new double[d];
        for (int j = 0; j < d; j++) {
            names.add(in.readUTF());
            means[j] = in.readDouble();
            scales[j] = in.readDouble();
        }
        return new StandardizedInputs(names, means, scales);
    }
}
