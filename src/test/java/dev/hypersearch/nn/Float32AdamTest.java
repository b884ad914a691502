package dev.hypersearch.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Adam with float32 moments: the Vector API kernel gives the plain loop's bits (same float operations in the same
 * order), the plain loop follows the update rule, and a float32 run's Adam stays within float32 rounding of the
 * float64 one over many steps. Runs under the test JVM's {@code --add-modules jdk.incubator.vector}.
 */
class Float32AdamTest {

    private static final Float32Adam VECTOR = VectorTranscendentals.INSTANCE.float32Adam();

    @Test
    void vectorKernelMatchesThePlainLoopBitForBit() {
        for (int n : new int[] {1, 3, 4, 5, 8, 13, 64, 1001}) {
            for (double decay : new double[] {0.0, 0.01}) {
                double[] w = random(n, 1, 0.1);
                float[] m = new float[n];
                float[] v = new float[n];
                double[] wv = w.clone();
                float[] mv = new float[n];
                float[] vv = new float[n];
                for (int t = 1; t <= 5; t++) {
                    double[] g = random(n, 10 + t, 1e-3);
                    float c2 = (float) (1 / (1 - Math.pow(0.999, t)));
                    float step = (float) (1e-3 / (1 - Math.pow(0.9, t)));
                    Float32Adam.plain(w, g, m, v, 0, n, decay, 0.9f, 0.1f, 0.999f, 0.001f, step, c2, 1e-8f);
                    VECTOR.step(wv, g, mv, vv, n, decay, 0.9f, 0.1f, 0.999f, 0.001f, step, c2, 1e-8f);
                }
                String what = "n=" + n + " decay=" + decay;
                assertThat(wv).as(what + " w").containsExactly(w);
                assertThat(mv).as(what + " m").containsExactly(m);
                assertThat(vv).as(what + " v").containsExactly(v);
            }
        }
    }

    @Test
    void plainLoopFollowsTheUpdateRule() {
        double[] w = {1.0, -2.0};
        double[] g = {0.5, -0.25};
        float[] m = {0.1f, 0.0f};
        float[] v = {0.04f, 0.0f};
        Float32Adam.plain(w, g, m, v, 0, 2, 0.1, 0.9f, 0.1f, 0.99f, 0.01f, 0.5f, 2.0f, 1e-8f);
        // g' = g + 0.1 w = 0.6 and -0.45
        assertThat(m[0]).isCloseTo(0.9f * 0.1f + 0.1f * 0.6f, within(1e-7f));
        assertThat(v[0]).isCloseTo(0.99f * 0.04f + 0.01f * 0.36f, within(1e-7f));
        assertThat(m[1]).isCloseTo(0.1f * -0.45f, within(1e-7f));
        assertThat(v[1]).isCloseTo(0.01f * 0.2025f, within(1e-7f));
        assertThat(w[0]).isCloseTo(1.0 - 0.5 * m[0] / (Math.sqrt(2.0 * v[0]) + 1e-8), within(1e-7));
        assertThat(w[1]).isCloseTo(-2.0 - 0.5 * m[1] / (Math.sqrt(2.0 * v[1]) + 1e-8), within(1e-7));
    }

    /**
     * 200 steps over random gradients with and without L2: every weight stays within 200 lr 2^-14 of the float64
     * optimizer's. The bound: a step's update is within about 2^-15 of float64's, relatively (v's average carries up to
     * 1 / (1 - beta2) = 1000 float32 roundings of 2^-24, the square root halves them, m's 10 and the quotient's few
     * add little), times 2 to spare; measured 2^-16 lr after 200 steps, far below.
     */
    @Test
    void float32MomentsTrackFloat64Adam() {
        double lr = 1e-3;
        for (double l2 : new double[] {0.0, 1e-3}) {
            List<Parameter> p64 = params();
            List<Parameter> p32 = params();
            OptimizerConfig config = OptimizerConfig.adam(lr);
            Optimizer a64 = Optimizer.create(config, p64, l2, null);
            Optimizer a32 = Optimizer.create(config, p32, l2, VECTOR);
            for (int t = 0; t < 200; t++) {
                for (int k = 0; k < p64.size(); k++) {
                    double[] g = random(p64.get(k).gradient().data.length, 100 * t + k, 1e-2);
                    System.arraycopy(g, 0, p64.get(k).gradient().data, 0, g.length);
                    System.arraycopy(g, 0, p32.get(k).gradient().data, 0, g.length);
                }
                a64.step();
                a32.step();
            }
            for (int k = 0; k < p64.size(); k++) {
                double[] w64 = p64.get(k).value().data;
                double[] w32 = p32.get(k).value().data;
                for (int i = 0; i < w64.length; i++) {
                    assertThat(w32[i]).as("l2 %s param %d[%d]", l2, k, i).isCloseTo(w64[i], within(200 * lr / 16384));
                }
            }
        }
    }

    private static List<Parameter> params() {
        List<Parameter> ps = new ArrayList<>();
        int[] sizes = {37, 8, 130};
        for (int k = 0; k < sizes.length; k++) {
            DMatrixRMaj value = new DMatrixRMaj(1, sizes[k]);
            value.data = random(sizes[k], 1000 + k, 0.5);
            ps.add(new Parameter("p" + k, value, k != 1));
        }
        return ps;
    }

    private static double[] random(int n, long seed, double scale) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rng.nextGaussian() * scale;
        }
        return a;
    }
}
