package dev.hypersearch.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * predict and evaluate run on one inference workspace (hidden activations written over their pre-activations, sized
 * by the first chunk and reused for smaller ones): the same outputs as forward passes in inference mode through
 * training workspaces of each chunk's rows. Bit for bit with Math's functions; within a few ulps with the Vector API's,
 * whose lanewise EXP runs Math.exp lane by lane until C2 compiles it to SVML (which may happen between two passes).
 */
class InferenceWorkspaceTest {

    @ParameterizedTest
    @EnumSource(Activation.class)
    void predictAndEvaluateMatchForwardPassesChunkByChunk(Activation f) {
        for (Gemm gemm : List.of(new EjmlGemm(), Gemms.fastest())) {
            for (boolean bn : new boolean[] {false, true}) {
                check(f, bn, gemm);
            }
        }
    }

    private static void check(Activation f, boolean bn, Gemm gemm) {
        NetworkConfig config = Fixtures.net(6, List.of(9, 7), 3, f, Initializer.XAVIER, bn, Loss.SOFTMAX_CROSS_ENTROPY);
        Network net = Network.create(config, gemm, new SplittableRandom(5));
        SplittableRandom rng = new SplittableRandom(6);
        for (Parameter p : net.parameters()) {
            for (int i = 0; i < p.value().data.length; i++) {
                p.value().data[i] += 0.3 * rng.nextGaussian();
            }
        }
        int n = Network.CHUNK + 44;
        DMatrixRMaj x = Fixtures.gaussian(n, 6, 1.0, 7);
        TrainingData data = TrainingData.classification(x, Fixtures.labels(n, 3, 8), 3);
        String what = f + (bn ? " bn " : " ") + gemm.name();

        // a small predict first: the workspace then grows for the larger chunks and serves the smaller last one
        DMatrixRMaj head = rows(x, 0, 3);
        assertSame(net.predict(head).data, forwardOutputs(net, head), gemm, what);
        Evaluation eval = net.evaluate(data);
        DMatrixRMaj all = net.predict(x);

        double lossSum = 0;
        for (int start = 0; start < n; start += Network.CHUNK) {
            int rows = Math.min(Network.CHUNK, n - start);
            DMatrixRMaj chunk = rows(x, start, rows);
            double[] expected = forwardOutputs(net, chunk);
            double[] actual = new double[expected.length];
            System.arraycopy(all.data, start * 3, actual, 0, actual.length);
            assertSame(actual, expected, gemm, what + " rows from " + start);
            lossSum += net.forward(chunk, rows(data.targets(), start, rows), false) * rows;
        }
        assertThat(eval.loss()).as(what).isCloseTo(lossSum / n, within(1e-12 * Math.abs(lossSum / n)));
    }

    private static void assertSame(double[] actual, double[] expected, Gemm gemm, String what) {
        if (gemm instanceof EjmlGemm) {
            assertThat(actual).as(what).containsExactly(expected);
        } else {
            assertThat(actual).as(what).containsExactly(expected, within(1e-15));
        }
    }

    /** The outputs of a forward pass in inference mode through a training workspace of x's rows. */
    private static double[] forwardOutputs(Network net, DMatrixRMaj x) {
        net.forward(x, null, false);
        return java.util.Arrays.copyOf(net.lastOutput().data, x.numRows * net.config().outputSize());
    }

    private static DMatrixRMaj rows(DMatrixRMaj m, int start, int rows) {
        DMatrixRMaj out = new DMatrixRMaj(rows, m.numCols);
        System.arraycopy(m.data, start * m.numCols, out.data, 0, rows * m.numCols);
        return out;
    }
}
