package dev.hypersearch.model;

import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.tribuo.util.onnx.ONNXAttribute;
import org.tribuo.util.onnx.ONNXOperator;

/**
 * The ONNX operators the export needs that Tribuo's {@code ONNXOperators} does not define (it covers its own
 * models' needs): the activations, ArgMax, IsNaN, Equal, Sin, Cos and the {@code ai.onnx.ml} LabelEncoder.
 * Described the way Tribuo describes its operators, so its {@code ONNXContext} builds and checks their nodes.
 */
enum OnnxOps implements ONNXOperator {
    TANH("Tanh", 1, List.of()),
    RELU("Relu", 1, List.of()),
    LEAKY_RELU("LeakyRelu", 1, List.of(new ONNXAttribute("alpha", AttributeType.FLOAT, true))),
    PRELU("PRelu", 2, List.of()),
    ELU("Elu", 1, List.of(new ONNXAttribute("alpha", AttributeType.FLOAT, true))),
    IS_NAN("IsNaN", 1, List.of()),
    EQUAL("Equal", 2, List.of()),
    SIN("Sin", 1, List.of()),
    COS("Cos", 1, List.of()),
    ARG_MAX("ArgMax", 1, List.of(new ONNXAttribute("axis", AttributeType.INT, true),
            new ONNXAttribute("keepdims", AttributeType.INT, true))),
    /** ai.onnx.ml (version 2): class index to class name. */
    LABEL_ENCODER("LabelEncoder", 1, OnnxModelFile.ML_DOMAIN, 2, List.of(
            new ONNXAttribute("keys_int64s", AttributeType.INTS, true),
            new ONNXAttribute("values_strings", AttributeType.STRINGS, true),
            new ONNXAttribute("default_string", AttributeType.STRING, false))),
    /** ai.onnx.ml (version 2): a category's name to its one-hot position, unlisted names to a default. */
    LEVEL_INDEX("LabelEncoder", 1, OnnxModelFile.ML_DOMAIN, 2, List.of(
            new ONNXAttribute("keys_strings", AttributeType.STRINGS, true),
            new ONNXAttribute("values_int64s", AttributeType.INTS, true),
            new ONNXAttribute("default_int64", AttributeType.INT, true)));

    private final String opName;
    private final int inputs;
    private final String domain;
    private final int version;
    private final Map<String, ONNXAttribute> attributes;

    OnnxOps(String opName, int inputs, List<ONNXAttribute> attributes) {
        this(opName, inputs, null, OnnxModelFile.OPSET, attributes);
    }

    OnnxOps(String opName, int inputs, String domain, int version, List<ONNXAttribute> attributes) {
        this.opName = opName;
        this.inputs = inputs;
        this.domain = domain;
        this.version = version;
        Map<String, ONNXAttribute> byName = new LinkedHashMap<>();
        attributes.forEach(a -> byName.put(a.getName(), a));
        this.attributes = Map.copyOf(byName);
    }

    @Override
    public String getOpName() {
        return opName;
    }

    @Override
    public int getNumInputs() {
        return inputs;
    }

    @Override
    public int getNumOptionalInputs() {
        return 0;
    }

    @Override
    public int getNumOutputs() {
        return 1;
    }

    @Override
    public Map<String, ONNXAttribute> getAttributes() {
        return attributes;
    }

    @Override
    public Set<String> getMandatoryAttributeNames() {
        return attributes.values().stream().filter(ONNXAttribute::isMandatory).map(ONNXAttribute::getName)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public int getOpVersion() {
        return version;
    }

    @Override
    public String getOpDomain() {
        return domain;
    }
}
