package dev.hypersearch.nn;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowKernels} on the Vector API: each row is walked a vector of columns at a time against the column vectors,
 * with the same operations in the same order as {@link ScalarRowKernels} (no fused multiply-adds), so the results
 * are bit-identical; column tails take the scalar loops. Named only from {@link VectorTranscendentals}, so a JVM
 * without the incubator module never links it.
 */
final class VectorRowKernels implements RowKernels {

    static final VectorRowKernels INSTANCE = new VectorRowKernels();

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorRowKernels() {
    }

    @Override
    public void addRow(double[] m, int rows, int cols, double[] v) {
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            int j = 0;
            for (; j < bound; j += L) {
                DoubleVector.fromArray(S, m, o + j).add(DoubleVector.fromArray(S, v, j)).intoArray(m, o + j);
            }
            for (; j < cols; j++) {
                m[o + j] += v[j];
            }
        }
    }

    @Override
    public void columnSums(double[] m, int rows, int cols, double[] out) {
        Arrays.fill(out, 0, cols, 0.0);
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            int j = 0;
            for (; j < bound; j += L) {
                DoubleVector.fromArray(S, out, j).add(DoubleVector.fromArray(S, m, o + j)).intoArray(out, j);
            }
            for (; j < cols; j++) {
                out[j] += m[o + j];
            }
        }
    }

    @Override
    public void kinkForward(double[] z, double[] a, int n, double below) {
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        DoubleVector slope = DoubleVector.broadcast(S, below);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, z, i);
            v.mul(slope.blend(one, v.compare(VectorOperators.GT, 0.0))).intoArray(a, i);
        }
        ScalarRowKernels.kinkForward(z, a, i, n, below);
    }

    @Override
    public void kinkBackward(double[] z, double[] d, int n, double below) {
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        DoubleVector slope = DoubleVector.broadcast(S, below);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            DoubleVector factor = slope.blend(one, DoubleVector.fromArray(S, z, i).compare(VectorOperators.GT, 0.0));
            DoubleVector.fromArray(S, d, i).mul(factor).intoArray(d, i);
        }
        ScalarRowKernels.kinkBackward(z, d, i, n, below);
    }

    @Override
    public void addRowRelu(double[] m, double[] a, int rows, int cols, double[] v) {
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            int j = 0;
            for (; j < bound; j += L) {
                DoubleVector x = DoubleVector.fromArray(S, m, o + j).add(DoubleVector.fromArray(S, v, j));
                x.intoArray(m, o + j);
                x.max(0.0).intoArray(a, o + j);
            }
            ScalarRowKernels.addRowRelu(m, a, o, j, cols, v);
        }
    }

    @Override
    public void addRowKink(double[] m, double[] a, int rows, int cols, double[] v, double below) {
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        DoubleVector slope = DoubleVector.broadcast(S, below);
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            int j = 0;
            for (; j < bound; j += L) {
                DoubleVector x = DoubleVector.fromArray(S, m, o + j).add(DoubleVector.fromArray(S, v, j));
                x.intoArray(m, o + j);
                x.mul(slope.blend(one, x.compare(VectorOperators.GT, 0.0))).intoArray(a, o + j);
            }
            ScalarRowKernels.addRowKink(m, a, o, j, cols, v, below);
        }
    }

    @Override
    public void kinkBackwardSums(double[] z, double[] d, int rows, int cols, double below, double[] sums) {
        Arrays.fill(sums, 0, cols, 0.0);
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        DoubleVector slope = DoubleVector.broadcast(S, below);
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            int j = 0;
            for (; j < bound; j += L) {
                DoubleVector factor = slope.blend(one,
                        DoubleVector.fromArray(S, z, o + j).compare(VectorOperators.GT, 0.0));
                DoubleVector g = DoubleVector.fromArray(S, d, o + j).mul(factor);
                g.intoArray(d, o + j);
                DoubleVector.fromArray(S, sums, j).add(g).intoArray(sums, j);
            }
            ScalarRowKernels.kinkBackwardSums(z, d, o, j, cols, below, sums);
        }
    }

    @Override
    public void kinkBackwardSumsAndDots(double[] z, double[] d, double[] x, int rows, int cols, double below,
            double[] sums, double[] dots) {
        Arrays.fill(sums, 0, cols, 0.0);
        Arrays.fill(dots, 0, cols, 0.0);
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        DoubleVector slope = DoubleVector.broadcast(S, below);
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            int j = 0;
            for (; j < bound; j += L) {
                DoubleVector factor = slope.blend(one,
                        DoubleVector.fromArray(S, z, o + j).compare(VectorOperators.GT, 0.0));
                DoubleVector g = DoubleVector.fromArray(S, d, o + j).mul(factor);
                g.intoArray(d, o + j);
                DoubleVector.fromArray(S, sums, j).add(g).intoArray(sums, j);
                DoubleVector.fromArray(S, dots, j).add(g.mul(DoubleVector.fromArray(S, x, o + j))).intoArray(dots, j);
            }
            ScalarRowKernels.kinkBackwardSumsAndDots(z, d, x, o, j, cols, below, sums, dots);
        }
    }

    /** p: 1 where z > 0, else 0, as {@link ActivationKernels#positive} gives it (NaN aside). */
    private static DoubleVector positive(DoubleVector v, DoubleVector zero, DoubleVector one) {
        return zero.blend(one, v.compare(VectorOperators.GT, 0.0));
    }

    @Override
    public void preluForward(double[] z, double[] a, int rows, int cols, double[] slopes) {
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            int j = 0;
            for (; j < bound; j += L) {
                DoubleVector v = DoubleVector.fromArray(S, z, o + j);
                DoubleVector s = DoubleVector.fromArray(S, slopes, j);
                v.mul(s.add(one.sub(s).mul(positive(v, zero, one)))).intoArray(a, o + j);
            }
            ScalarRowKernels.preluForward(z, a, o, j, cols, slopes);
        }
    }

    @Override
    public void preluBackward(double[] z, double[] d, int rows, int cols, double[] slopes, double[] slopeGrad) {
        Arrays.fill(slopeGrad, 0, cols, 0.0);
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            int j = 0;
            for (; j < bound; j += L) {
                DoubleVector v = DoubleVector.fromArray(S, z, o + j);
                DoubleVector g = DoubleVector.fromArray(S, d, o + j);
                DoubleVector s = DoubleVector.fromArray(S, slopes, j);
                DoubleVector p = positive(v, zero, one);
                DoubleVector.fromArray(S, slopeGrad, j).add(one.sub(p).mul(g).mul(v)).intoArray(slopeGrad, j);
                g.mul(s.add(one.sub(s).mul(p))).intoArray(d, o + j);
            }
            ScalarRowKernels.preluBackward(z, d, o, j, cols, slopes, slopeGrad);
        }
    }

    @Override
    public void addRowPrelu(double[] m, double[] a, int rows, int cols, double[] v, double[] slopes) {
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            int j = 0;
            for (; j < bound; j += L) {
                DoubleVector x = DoubleVector.fromArray(S, m, o + j).add(DoubleVector.fromArray(S, v, j));
                DoubleVector s = DoubleVector.fromArray(S, slopes, j);
                x.intoArray(m, o + j);
                x.mul(s.add(one.sub(s).mul(positive(x, zero, one)))).intoArray(a, o + j);
            }
            ScalarRowKernels.addRowPrelu(m, a, o, j, cols, v, slopes);
        }
    }

    @Override
    public void preluBackwardSums(double[] z, double[] d, int rows, int cols, double[] slopes, double[] slopeGrad,
            double[] sums) {
        Arrays.fill(slopeGrad, 0, cols, 0.0);
        Arrays.fill(sums, 0, cols, 0.0);
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            int j = 0;
            for (; j < bound; j += L) {
                DoubleVector v = DoubleVector.fromArray(S, z, o + j);
                DoubleVector g = DoubleVector.fromArray(S, d, o + j);
                DoubleVector s = DoubleVector.fromArray(S, slopes, j);
                DoubleVector p = positive(v, zero, one);
                DoubleVector.fromArray(S, slopeGrad, j).add(one.sub(p).mul(g).mul(v)).intoArray(slopeGrad, j);
                DoubleVector dz = g.mul(s.add(one.sub(s).mul(p)));
                dz.intoArray(d, o + j);
                DoubleVector.fromArray(S, sums, j).add(dz).intoArray(sums, j);
            }
            ScalarRowKernels.preluBackwardSums(z, d, o, j, cols, slopes, slopeGrad, sums);
        }
    }

    @Override
    public void preluBackwardSumsAndDots(double[] z, double[] d, double[] x, int rows, int cols, double[] slopes,
            double[] slopeGrad, double[] sums, double[] dots) {
        Arrays.fill(slopeGrad, 0, cols, 0.0);
        Arrays.fill(sums, 0, cols, 0.0);
        Arrays.fill(dots, 0, cols, 0.0);
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            int j = 0;
            for (; j < bound; j += L) {
                DoubleVector v = DoubleVector.fromArray(S, z, o + j);
                DoubleVector g = DoubleVector.fromArray(S, d, o + j);
                DoubleVector s = DoubleVector.fromArray(S, slopes, j);
                DoubleVector p = positive(v, zero, one);
                DoubleVector.fromArray(S, slopeGrad, j).add(one.sub(p).mul(g).mul(v)).intoArray(slopeGrad, j);
                DoubleVector dz = g.mul(s.add(one.sub(s).mul(p)));
                dz.intoArray(d, o + j);
                DoubleVector.fromArray(S, sums, j).add(dz).intoArray(sums, j);
                DoubleVector.fromArray(S, dots, j).add(dz.mul(DoubleVector.fromArray(S, x, o + j))).intoArray(dots, j);
            }
            ScalarRowKernels.preluBackwardSumsAndDots(z, d, x, o, j, cols, slopes, slopeGrad, sums, dots);
        }
    }

    @Override
    public void activationBackwardSums(Activation f, double[] z, double[] a, double[] d, double[] x, int rows,
            int cols, double alpha, double[] sums, double[] dots) {
        VectorActivationRows.backwardSums(f, z, a, d, x, rows, cols, alpha, sums, dots);
    }

    @Override
    public void eluBackward(double[] z, double[] a, double[] d, int n, double alpha) {
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            DoubleVector below = DoubleVector.fromArray(S, a, i).add(alpha);
            DoubleVector factor = below.blend(one, DoubleVector.fromArray(S, z, i).compare(VectorOperators.GT, 0.0));
            DoubleVector.fromArray(S, d, i).mul(factor).intoArray(d, i);
        }
        ScalarRowKernels.eluBackward(z, a, d, i, n, alpha);
    }

    @Override
    public void squaredDeviations(double[] m, int rows, int cols, double[] mean, double[] out) {
        Arrays.fill(out, 0, cols, 0.0);
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            int j = 0;
            for (; j < bound; j += L) {
                DoubleVector dv = DoubleVector.fromArray(S, m, o + j).sub(DoubleVector.fromArray(S, mean, j));
                DoubleVector.fromArray(S, out, j).add(dv.mul(dv)).intoArray(out, j);
            }
            for (; j < cols; j++) {
                double dv = m[o + j] - mean[j];
                out[j] += dv * dv;
            }
        }
    }

    @Override
    public void normalize(double[] z, double[] xhat, int rows, int cols, double[] mean, double[] invStd,
            double[] gamma, double[] beta) {
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            int j = 0;
            for (; j < bound; j += L) {
                DoubleVector h = DoubleVector.fromArray(S, z, o + j).sub(DoubleVector.fromArray(S, mean, j))
                        .mul(DoubleVector.fromArray(S, invStd, j));
                h.intoArray(xhat, o + j);
                DoubleVector.fromArray(S, gamma, j).mul(h).add(DoubleVector.fromArray(S, beta, j)).intoArray(z, o + j);
            }
            for (; j < cols; j++) {
                double h = (z[o + j] - mean[j]) * invStd[j];
                xhat[o + j] = h;
                z[o + j] = gamma[j] * h + beta[j];
            }
        }
    }

    @Override
    public void scaleShift(double[] m, int rows, int cols, double[] scale, double[] shift) {
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            int j = 0;
            for (; j < bound; j += L) {
                DoubleVector.fromArray(S, m, o + j).mul(DoubleVector.fromArray(S, scale, j))
                        .add(DoubleVector.fromArray(S, shift, j)).intoArray(m, o + j);
            }
            for (; j < cols; j++) {
                m[o + j] = m[o + j] * scale[j] + shift[j];
            }
        }
    }

    @Override
    public void sumsAndDots(double[] d, double[] x, int rows, int cols, double[] sums, double[] dots) {
        Arrays.fill(sums, 0, cols, 0.0);
        Arrays.fill(dots, 0, cols, 0.0);
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            int j = 0;
            for (; j < bound; j += L) {
                DoubleVector dy = DoubleVector.fromArray(S, d, o + j);
                DoubleVector.fromArray(S, sums, j).add(dy).intoArray(sums, j);
                DoubleVector.fromArray(S, dots, j).add(dy.mul(DoubleVector.fromArray(S, x, o + j))).intoArray(dots, j);
            }
            for (; j < cols; j++) {
                double dy = d[o + j];
                sums[j] += dy;
                dots[j] += dy * x[o + j];
            }
        }
    }

    @Override
    public void centerScale(double[] d, double[] x, int rows, int cols, double[] p, double[] q, double[] k) {
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            int j = 0;
            for (; j < bound; j += L) {
                DoubleVector shift = DoubleVector.fromArray(S, x, o + j).mul(DoubleVector.fromArray(S, q, j))
                        .add(DoubleVector.fromArray(S, p, j));
                DoubleVector.fromArray(S, d, o + j).sub(shift).mul(DoubleVector.fromArray(S, k, j))
                        .intoArray(d, o + j);
            }
            for (; j < cols; j++) {
                d[o + j] = (d[o + j] - (p[j] + x[o + j] * q[j])) * k[j];
            }
        }
    }
}
