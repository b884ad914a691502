package dev.hypersearch.model;

import dev.hypersearch.nn.Activation;
import dev.hypersearch.nn.FoldedLayer;
import dev.hypersearch.nn.InferenceNetwork;
import dev.hypersearch.nn.Loss;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained model as bytes for the database (big-endian doubles, no text): a format version, the preprocessing
 * (its tag, then its own bytes), the class names, the loss, and each folded layer. Any api process reads it back.
 */
public final class ModelCodec {

    private static final int VERSION = 1;

    private ModelCodec() {
    }

    public static byte[] write(TrainedModel model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(VERSION);
            out.writeUTF(model.inputs().codecTag());
            model.inputs().write(out);
            out.writeInt(model.classes().size());
            for (String c : model.classes()) {
                out.writeUTF(c);
            }
            InferenceNetwork net = model.network();
            out.writeUTF(net.loss().name());
            out.writeInt(net.layers().size());
            for (FoldedLayer l : net.layers()) {
                out.writeInt(l.fanIn());
                out.writeInt(l.fanOut());
                out.writeUTF(l.activation().name());
                out.writeDouble(l.leakySlope());
                out.writeDouble(l.eluAlpha());
                doubles(out, l.weights());
                doubles(out, l.bias());
                out.writeBoolean(l.slopes() != null);
                if (l.slopes() != null) {
                    doubles(out, l.slopes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static TrainedModel read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException("unknown model format version " + version);
            }
            ModelInputs inputs = inputs(in.readUTF(), in);
            int k = in.readInt();
            List<String> classes = new ArrayList<>(k);
            for (int c = 0; c < k; c++) {
                classes.add(in.readUTF());
            }
            Loss loss = Loss.valueOf(in.readUTF());
            int n = in.readInt();
            List<FoldedLayer> layers = new ArrayList<>(n);
            for (int l = 0; l < n; l++) {
                int fanIn = in.readInt();
                int fanOut = in.readInt();
                Activation activation = Activation.valueOf(in.readUTF());
                double leaky = in.readDouble();
                double alpha = in.readDouble();
                double[] w = doubles(in, fanIn * fanOut);
                double[] b = doubles(in, fanOut);
                double[] slopes = in.readBoolean() ? doubles(in, fanOut) : null;
                layers.add(new FoldedLayer(fanIn, fanOut, w, b, activation, leaky, alpha, slopes));
            }
            return new TrainedModel(inputs, new InferenceNetwork(layers, loss), classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The preprocessing stored under {@code tag}: the one place a new kind of {@link ModelInputs} registers. */
    private static ModelInputs inputs(String tag, DataInputStream in) throws IOException {
        if (tag.equals(PipelineInputs.TAG)) {
            return PipelineInputs.read(in);
        }
        if (tag.equals("standardized-v1")) {
            return PipelineInputs.readStandardized(in);
        }
        throw new IllegalArgumentException("unknown preprocessing '" + tag + "'");
    }

    private static void doubles(DataOutputStream out, double[] v) throws IOException {
        out.writeInt(v.length);
        for (double x : v) {
            out.writeDouble(x);
        }
    }

    private static double[] doubles(DataInputStream in, int expected) throws IOException {
        int n = in.readInt();
        if (n != expected) {
            throw new IllegalArgumentException("expected " + expected + " numbers, found " + n);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.readDouble();
        }
        return v;
    }
}
