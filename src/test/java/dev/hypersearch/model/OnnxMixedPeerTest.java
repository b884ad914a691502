package dev.hypersearch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.hypersearch.data.table.CategoricalColumn;
import dev.hypersearch.data.table.ColumnType;
import dev.hypersearch.data.table.DateColumn;
import dev.hypersearch.data.table.NumericColumn;
import dev.hypersearch.data.table.Table;
import dev.hypersearch.data.table.Target;
import dev.hypersearch.nn.Gemms;
import dev.hypersearch.search.TestParams;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A model of a mixed-type table (numeric, boolean, categorical and date columns, each with missing values),
 * exported to ONNX with its pipeline inside and run by onnxruntime, gives predict's probabilities and values on
 * rows with missing values, a category never seen in training and dates over two centuries (leap days, year
 * ends, before 1970).
 */
class OnnxMixedPeerTest {

    private static final List<String> COLOURS = List.of("red", "green", "blue", "amber");
    private static final LocalDate FIRST = LocalDate.of(1900, 1, 1);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"classification", "regression"})
    void onnxruntimeMatchesPredictOnAMixedTable(String task) throws Exception {
        int n = 300;
        Random random = new Random(17);
        double[] size = new double[n];
        double[] member = new double[n];
        int[] colour = new int[n];
        long[] day = new long[n];
        double[] y = new double[n];
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            size[i] = i % 11 == 0 ? Double.NaN : 50 + 20 * random.nextGaussian();
            member[i] = i % 13 == 0 ? Double.NaN : random.nextInt(2);
            colour[i] = i % 9 == 0 ? CategoricalColumn.MISSING : random.nextInt(COLOURS.size());
            day[i] = i % 17 == 0 ? DateColumn.MISSING : FIRST.toEpochDay() + random.nextInt(73_000);
            double signal = (Double.isNaN(size[i]) ? 0 : (size[i] - 50) / 20) + (colour[i] == 0 ? 1 : 0)
                    + (Double.isNaN(member[i]) ? 0 : member[i]) + 0.3 * random.nextGaussian();
            y[i] = 1000 + 250 * signal;
            label[i] = signal > 0.8 ? 1 : 0;
        }
        Target target = task.equals("classification")
                ? new Target.Classes("churned", label, List.of("no", "yes"))
                : new Target.Values("spend", y);
        Table table = new Table("mixed", List.of(NumericColumn.of("size", size),
                new NumericColumn("member", ColumnType.BOOLEAN, member),
                new CategoricalColumn("colour", colour, COLOURS), new DateColumn("signup", day)), target);
        var params = TestParams.defaultsWith("activation", "elu", "batchNorm", true, "hiddenLayers", 2,
                "hiddenUnits", 8, "epochs", 15, "batchSize", 16, "eluAlpha", 0.7);
        Refit.Outcome outcome = new Refit(Gemms.fastest()).run(params, table, 7, 0, () -> false);
        assertThat(outcome).isInstanceOf(Refit.Trained.class);
        TrainedModel model = ModelCodec.read(ModelCodec.write(((Refit.Trained) outcome).model()));

        // rows to predict: missing values in every column, an unseen colour, dates from 1900 to 2099
        List<LocalDate> dates = new ArrayList<>(List.of(LocalDate.of(1900, 2, 28), LocalDate.of(1900, 3, 1),
                LocalDate.of(1969, 12, 31), LocalDate.of(1970, 1, 1), LocalDate.of(2000, 2, 29),
                LocalDate.of(2000, 12, 31), LocalDate.of(2024, 2, 29), LocalDate.of(2024, 12, 31),
                LocalDate.of(2099, 12, 31)));
        int m = 200;
        while (dates.size() < m) {
            dates.add(FIRST.plusDays(random.nextInt(73_000)));
        }
        List<String> colours = new ArrayList<>(COLOURS);
        colours.add("violet"); // never seen in training
        List<RawRow> rows = new ArrayList<>();
        float[][] sizeIn = new float[m][1];
        float[][] memberIn = new float[m][1];
        String[] colourIn = new String[m];
        float[][] dayIn = new float[m][1];
        for (int i = 0; i < m; i++) {
            Map<String, RawValue> values = new HashMap<>();
            double s = 50 + 25 * random.nextGaussian();
            sizeIn[i][0] = i % 7 == 1 ? Float.NaN : (float) s;
            if (i % 7 != 1) {
                values.put("size", new RawValue.Number((float) s));
            }
            boolean b = random.nextBoolean();
            memberIn[i][0] = i % 5 == 2 ? Float.NaN : (b ? 1 : 0);
            if (i % 5 != 2) {
                values.put("member", i % 2 == 0 ? new RawValue.Bool(b) : new RawValue.Number(b ? 1 : 0));
            }
            String c = colours.get(random.nextInt(colours.size()));
            String marker = List.of("", "NA", "n/a", "Null", "?").get(i % 5);
            colourIn[i] = i % 6 == 3 ? marker : c;
            if (i % 6 != 3) {
                // predict strips, as the upload does
                values.put("colour", new RawValue.Text(i % 4 == 0 ? " " + c + " " : c));
            } else if (i % 4 == 1) {
                values.put("colour", new RawValue.Text(marker));
            }
            dayIn[i][0] = i % 8 == 5 ? Float.NaN : dates.get(i).toEpochDay();
            if (i % 8 != 5) {
                values.put("signup", new RawValue.Text(dates.get(i).toString()));
            }
            rows.add(new RawRow(values));
        }
        double[][] expected = model.predict(rows);

        OrtEnvironment env = OrtEnvironment.getEnvironment();
        byte[] onnx = OnnxModelFile.write(model, "mixed");
        try (OrtSession session = env.createSession(onnx, new OrtSession.SessionOptions());
             OnnxTensor sizeT = OnnxTensor.createTensor(env, sizeIn);
             OnnxTensor memberT = OnnxTensor.createTensor(env, memberIn);
             OnnxTensor colourT = OnnxTensor.createTensor(env, colourIn, new long[] {m, 1});
             OnnxTensor dayT = OnnxTensor.createTensor(env, dayIn)) {
            assertThat(session.getInputNames()).containsExactlyInAnyOrder("size", "member", "colour", "signup");
            try (OrtSession.Result result = session.run(Map.of("size", sizeT, "member", memberT, "colour", colourT,
                    "signup", dayT))) {
                if (model.classification()) {
                    float[][] p = (float[][]) result.get("probabilities").orElseThrow().getValue();
                    for (int i = 0; i < m; i++) {
                        for (int c = 0; c < 2; c++) {
                            assertThat((double) p[i][c]).as("row %d class %d", i, c)
                                    .isCloseTo(expected[i][c], Offset.offset(1e-5));
                        }
                    }
                } else {
                    float[][] v = (float[][]) result.get("value").orElseThrow().getValue();
                    for (int i = 0; i < m; i++) {
                        double e = expected[i][0];
                        assertThat(Math.abs(v[i][0] - e)).as("row %d: %s vs %s", i, v[i][0], e)
                                .isLessThanOrEqualTo(1e-5 * Math.max(1.0, Math.abs(e)));
                    }
                }
            }
        }
        if (!model.classification()) {
            // the network learned standardized targets; the model answers in the target's units
            double mean = 0;
            for (double[] e : expected) {
                mean += e[0] / m;
            }
            assertThat(mean).isBetween(500.0, 1500.0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"size", "member", "colour", "signup"})
    void aValueOfTheWrongKindNamesItsRowAndColumn(String column) {
        Table table = new Table("small", List.of(NumericColumn.of("size", new double[] {1, 2, Double.NaN, 4}),
                new NumericColumn("member", ColumnType.BOOLEAN, new double[] {0, 1, 1, 0}),
                new CategoricalColumn("colour", new int[] {0, 1, 0, 1}, List.of("red", "blue")),
                new DateColumn("signup", new long[] {0, 10, 20, 30})),
                new Target.Values("y", new double[] {1, 2, 3, 4}));
        PipelineInputs inputs = new PipelineInputs(
                dev.hypersearch.data.pipeline.FittedPipeline.fit(table, new int[] {0, 1, 2, 3}, 20));
        RawValue wrong = switch (column) {
            case "size" -> new RawValue.Text("large");
            case "member" -> new RawValue.Number(2);
            case "colour" -> new RawValue.Number(3);
            default -> new RawValue.Text("31/12/2020");
        };
        List<RawRow> rows = List.of(new RawRow(Map.of()), new RawRow(Map.of(column, wrong)));
        assertThatThrownBy(() -> inputs.encode(rows)).isInstanceOfSatisfying(BadInputException.class, e -> {
            assertThat(e.row()).isEqualTo(1);
            assertThat(e.column()).isEqualTo(column);
        });
        assertThat(inputs.encode(List.of(new RawRow(Map.of())))).hasSize(inputs.width()).doesNotContain(Double.NaN);
    }
}
