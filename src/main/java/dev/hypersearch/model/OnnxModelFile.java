package dev.hypersearch.model;

import ai.onnx.proto.OnnxMl;
import dev.hypersearch.nn.FoldedLayer;
import dev.hypersearch.nn.InferenceNetwork;
import dev.hypersearch.nn.Loss;
import java.util.List;
import java.util.Map;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXInitializer;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXRef;

/**
 * A trained model as an ONNX file, built with Tribuo's ONNX graph builder over ONNX's own protobuf classes: the
 * preprocessing's sub-graph (one input per original column), then per layer a Gemm with the folded weights and
 * the activation, then the output function. Outputs {@code label} (string, [N]) and {@code probabilities}
 * ([N, classes], float32, in the model's class order) for classification, {@code value} ([N, 1]) for regression.
 */
public final class OnnxModelFile {

    /** The default domain's opset: Softmax over one axis and the activations as used here are opset 13. */
    static final int OPSET = 13;
    static final String ML_DOMAIN = "ai.onnx.ml";
    /** LabelEncoder with int64 keys and string values needs ai.onnx.ml version 2. */
    static final int ML_OPSET = 2;
    /** ONNX IR version 8 (ONNX 1.10+), read by every onnxruntime since 1.10. */
    private static final int IR_VERSION = 8;

    private OnnxModelFile() {
    }

    public static byte[] write(TrainedModel model, String name) {
        ONNXContext ctx = new ONNXContext();
        ctx.setName(name);
        ONNXRef<?> x = model.inputs().onnxGraph(ctx);
        InferenceNetwork net = model.network();
        List<FoldedLayer> layers = net.layers();
        for (int l = 0; l < layers.size(); l++) {
            FoldedLayer layer = layers.get(l);
            ONNXInitializer w = ctx.floatTensor("hs_W" + l, List.of(layer.fanIn(), layer.fanOut()),
                    buf -> { for (double v : layer.weights()) { buf.put((float) v); } });
            ONNXInitializer b = ctx.array("hs_b" + l, layer.bias());
            x = ctx.operation(ONNXOperators.GEMM, List.of(x, w, b), "hs_z" + l);
            if (l < layers.size() - 1) {
                x = activation(ctx, x, layer, l);
            }
        }
        boolean classification = net.loss().isClassification();
        ONNXRef<?> label = null;
        if (!classification) {
            ctx.assignTo(x, ctx.floatOutput("value", 1));
        } else {
            ONNXRef<?> probabilities;
            if (net.loss() == Loss.SIGMOID_BINARY_CROSS_ENTROPY) {
                ONNXRef<?> p1 = x.apply(ONNXOperators.SIGMOID);
                ONNXRef<?> p0 = ctx.operation(ONNXOperators.SUB, List.of(ctx.constant("hs_one", 1f), p1), "hs_p0");
                probabilities = ctx.operation(ONNXOperators.CONCAT, List.of(p0, p1), "hs_p", Map.of("axis", 1));
            } else {
                probabilities = x.apply(ONNXOperators.SOFTMAX, Map.of("axis", 1));
            }
            List<String> classes = model.classes();
            int[] keys = new int[classes.size()];
            for (int c = 0; c < keys.length; c++) {
                keys[c] = c;
            }
            label = probabilities.apply(OnnxOps.ARG_MAX, Map.of("axis", 1, "keepdims", 0))
                    .apply(OnnxOps.LABEL_ENCODER, Map.of("keys_int64s", keys,
                            "values_strings", classes.toArray(String[]::new)));
            ctx.assignTo(probabilities, ctx.floatOutput("probabilities", classes.size()));
        }
        OnnxMl.GraphProto graph = withStringInputs(ctx.buildGraph(), model.inputs().stringInputs());
        if (label != null) {
            graph = withStringOutput(graph, label.getReference(), "label");
        }
        return OnnxMl.ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("hypersearch")
                .setDomain("dev.hypersearch")
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain(ML_DOMAIN).setVersion(ML_OPSET))
                .setGraph(graph)
                .build()
                .toByteArray();
    }

    private static ONNXRef<?> activation(ONNXContext ctx, ONNXRef<?> z, FoldedLayer layer, int l) {
        return switch (layer.activation()) {
            case SIGMOID -> z.apply(ONNXOperators.SIGMOID);
            case TANH -> z.apply(OnnxOps.TANH);
            case RELU -> z.apply(OnnxOps.RELU);
            case LEAKY_RELU -> z.apply(OnnxOps.LEAKY_RELU, Map.of("alpha", (float) layer.leakySlope()));
            case PRELU -> ctx.operation(OnnxOps.PRELU, List.of(z, ctx.array("hs_slope" + l, layer.slopes())),
                    "hs_a" + l);
            case ELU -> z.apply(OnnxOps.ELU, Map.of("alpha", (float) layer.eluAlpha()));
            case LINEAR -> z;
        };
    }

    /** Retypes the named graph inputs (declared float32 through Tribuo, which has no string inputs) as strings. */
    private static OnnxMl.GraphProto withStringInputs(OnnxMl.GraphProto graph, List<String> names) {
        OnnxMl.GraphProto.Builder b = graph.toBuilder();
        for (int i = 0; i < b.getInputCount(); i++) {
            if (names.contains(b.getInput(i).getName())) {
                OnnxMl.ValueInfoProto.Builder input = b.getInputBuilder(i);
                input.getTypeBuilder().getTensorTypeBuilder().setElemType(OnnxMl.TensorProto.DataType.STRING
                        .getNumber());
            }
        }
        return b.build();
    }

    /** Adds a string output, [N], fed by {@code from}: the label, first among the outputs as scikit-learn's are. */
    private static OnnxMl.GraphProto withStringOutput(OnnxMl.GraphProto graph, String from, String name) {
        OnnxMl.TypeProto type = OnnxMl.TypeProto.newBuilder().setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                .setElemType(OnnxMl.TensorProto.DataType.STRING.getNumber())
                .setShape(OnnxMl.TensorShapeProto.newBuilder().addDim(
                        OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("batch")))).build();
        List<OnnxMl.ValueInfoProto> outputs = graph.getOutputList();
        return graph.toBuilder()
                .addNode(OnnxMl.NodeProto.newBuilder().setOpType("Identity").setName("hs_label_output")
                        .addInput(from).addOutput(name))
                .clearOutput()
                .addOutput(OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(type))
                .addAllOutput(outputs)
                .build();
    }
}
