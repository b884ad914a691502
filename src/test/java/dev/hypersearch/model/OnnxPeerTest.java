package dev.hypersearch.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.hypersearch.data.BuiltinDatasets;
import dev.hypersearch.data.Dataset;
import dev.hypersearch.data.GeneratedDatasets;
import dev.hypersearch.nn.Gemms;
import dev.hypersearch.search.TestParams;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exported ONNX file, run by Microsoft's onnxruntime, gives the probabilities and values of the model's own
 * predict: every activation the engine trains, with and without batch norm, binary and multi-class
 * classification and regression.
 */
class OnnxPeerTest {

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String activation : List.of("sigmoid", "tanh", "relu", "leaky_relu", "prelu", "elu", "linear")) {
            for (boolean batchNorm : List.of(false, true)) {
                for (String data : List.of("iris", "xor", "regression")) {
                    out.add(Arguments.of(activation, batchNorm, data));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, batch norm {1}, {2}")
    @MethodSource("cases")
    void onnxruntimeMatchesPredict(String activation, boolean batchNorm, String data) throws Exception {
        Dataset rows = switch (data) {
            case "iris" -> BuiltinDatasets.load("iris");
            case "xor" -> GeneratedDatasets.xor(200, 0.1, 3);
            default -> GeneratedDatasets.regression(200, 0.1, 3);
        };
        var params = TestParams.defaultsWith("activation", activation, "batchNorm", batchNorm, "hiddenLayers", 2,
                "hiddenUnits", 8, "epochs", 15, "batchSize", 16, "leakySlope", 0.2, "eluAlpha", 0.7);
        Refit.Outcome outcome = new Refit(Gemms.fastest()).run(params, dev.hypersearch.data.DatasetTables.of(rows), 7, 0, () -> false);
        assertThat(outcome).isInstanceOf(Refit.Trained.class);
        TrainedModel model = ModelCodec.read(ModelCodec.write(((Refit.Trained) outcome).model()));

        List<RawRow> raw = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, RawValue> values = new HashMap<>();
            for (int j = 0; j < rows.numFeatures(); j++) {
                values.put(rows.featureNames().get(j), new RawValue.Number(rows.feature(i, j)));
            }
            raw.add(new RawRow(values));
        }
        double[][] expected = model.predict(raw);

        byte[] onnx = OnnxModelFile.write(model, "peer-test");
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(onnx, new OrtSession.SessionOptions())) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            for (int j = 0; j < rows.numFeatures(); j++) {
                float[][] column = new float[rows.size()][1];
                for (int i = 0; i < rows.size(); i++) {
                    column[i][0] = (float) rows.feature(i, j);
                }
                inputs.put(rows.featureNames().get(j), OnnxTensor.createTensor(env, column));
            }
            assertThat(session.getInputNames()).containsExactlyInAnyOrderElementsOf(rows.featureNames());
            try (OrtSession.Result result = session.run(inputs)) {
                if (model.classification()) {
                    String[] labels = (String[]) result.get("label").orElseThrow().getValue();
                    float[][] probabilities = (float[][]) result.get("probabilities").orElseThrow().getValue();
                    int disagreements = 0;
                    for (int i = 0; i < rows.size(); i++) {
                        for (int c = 0; c < model.classes().size(); c++) {
                            assertThat((double) probabilities[i][c]).as("row %d class %d", i, c)
                                    .isCloseTo(expected[i][c], org.assertj.core.data.Offset.offset(1e-5));
                        }
                        if (!labels[i].equals(model.classes().get(TrainedModel.argmax(expected[i])))) {
                            disagreements++; // only a near-tie, where float32 may round the other way
                            assertThat(Math.abs(expected[i][0] - expected[i][expected[i].length - 1])).isLessThan(1e-4);
                        }
                    }
                    assertThat(disagreements).isLessThanOrEqualTo(1);
                } else {
                    float[][] values = (float[][]) result.get("value").orElseThrow().getValue();
                    for (int i = 0; i < rows.size(); i++) {
                        double e = expected[i][0];
                        assertThat(Math.abs(values[i][0] - e)).as("row %d: %s vs %s", i, values[i][0], e)
                                .isLessThanOrEqualTo(1e-5 * Math.max(1.0, Math.abs(e)));
                    }
                }
            }
            inputs.values().forEach(OnnxTensor::close);
        }
    }
}
