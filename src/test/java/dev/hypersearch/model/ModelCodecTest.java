package dev.hypersearch.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.nn.Activation;
import dev.hypersearch.nn.FoldedLayer;
import dev.hypersearch.nn.Loss;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Models stored before the pipeline ({@code standardized-v1}) still load and predict as they did. */
class ModelCodecTest {

    @Test
    void aModelStoredWithTheStandardizedFormatStillPredicts() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(1);
            out.writeUTF("standardized-v1");
            out.writeInt(2);
            out.writeUTF("a");
            out.writeDouble(10);
            out.writeDouble(2);
            out.writeUTF("b");
            out.writeDouble(-1);
            out.writeDouble(4);
            out.writeInt(0); // no classes: regression
            out.writeUTF(Loss.MSE.name());
            out.writeInt(1);
            out.writeInt(2);
            out.writeInt(1);
            out.writeUTF(Activation.LINEAR.name());
            out.writeDouble(0);
            out.writeDouble(0);
            doubles(out, 3, 5);
            doubles(out, 0.5);
            out.writeBoolean(false);
        }
        TrainedModel model = ModelCodec.read(bytes.toByteArray());
        double[][] y = model.predict(List.of(new RawRow(Map.of("a", new RawValue.Number(14),
                "b", new RawValue.Number(7)))));
        // 3 * (14 - 10) / 2 + 5 * (7 + 1) / 4 + 0.5
        assertThat(y[0][0]).isEqualTo(16.5);
        assertThat(ModelCodec.read(ModelCodec.write(model)).predict(List.of(new RawRow(Map.of("a",
                new RawValue.Number(14), "b", new RawValue.Number(7)))))[0][0]).isEqualTo(16.5);
    }

    private static void doubles(DataOutputStream out, double... v) throws IOException {
        out.writeInt(v.length);
        for (double x : v) {
            out.writeDouble(x);
        }
    }
}
