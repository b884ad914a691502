package dev.hypersearch.model;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXRef;

/**
 * The fitted preprocessing in front of a model's network: original columns by name in, one numeric row of the
 * network's inputs out, in Java (predict) and as an ONNX sub-graph (export). Implemented by
 * {@link PipelineInputs} (the trials' fitted pipeline); another kind registers its tag in {@link ModelCodec}.
 */
public interface ModelInputs {

    /** The original columns, in order, with their type and what is done to them. */
    List<FeatureColumn> schema();

    /** How many numbers {@link #encode} writes per row: the network's input width. */
    int width();

    /**
     * The rows' network inputs, row-major, {@link #width()} per row.
     *
     * @throws BadInputException naming the row and column of a value the preprocessing cannot take
     */
    double[] encode(List<RawRow> rows);

    /**
     * Declares one graph input per original column (named like it, [N, 1]) and returns the node that holds the
     * network's inputs, [N, {@link #width()}] float32.
     */
    ONNXRef<?> onnxGraph(ONNXContext context);

    /** The graph inputs that take strings (Tribuo declares every input float32; the export retypes these). */
    List<String> stringInputs();

    /** The tag {@link ModelCodec} stores before {@link #write}'s bytes, to read them back. */
    String codecTag();

    /** The fitted state, compactly. */
    void write(DataOutputStream out) throws IOException;
}
