package dev.hypersearch.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.ejml.data.DMatrixRMaj;

/**
 * Products whose shapes make a vector GEMM run every micro-kernel it can pick, through its public entry points, so
 * that the warm-up brings each of them to C2 ({@link KernelWarmup}). The vector GEMMs split {@code c}'s columns into
 * panels of the register blocking's {@code vectors} vectors and a column tail of fewer vectors, and each panel's
 * rows into blocks of its kernel's rows and a row tail of smaller kernels. A trial's shapes reach only some of them
 * (digits' 64-column layers under 4x3 on 256-bit vectors: a full panel and a one-vector tail, never the two-vector
 * tail's kernels), and the others were then first compiled during a real search, run interpreted meanwhile. So the
 * shapes are derived from the GEMM's {@link GemmBlocking} and vector lanes (whatever blocking the hardware chose):
 * column counts of a full panel alone, a partial panel, and a full panel with a tail of every smaller number of
 * vectors, whole or partial; row counts 1 to {@code 2 * R - 1} for the tallest kernel's {@code R} rows, so that every
 * remainder of every panel's row blocking occurs; each of the three products. The inner dimension is that of a
 * hidden layer ({@value #INNER}: C2 sizes its loop unrolling from the trip counts it profiled), and once per product
 * longer than the drivers' inner blocking ({@value #LONG_INNER}), whose partial-sum path a wide table's first layer
 * takes.
 *
 * <p>A GEMM without register kernels (EJML: no {@link Gemm#kernelLayout}) gets a few plain shapes.
 */
final class GemmProbes {

    /** Inner dimension of most probes: a hidden layer's width, or a batch. */
    static final int INNER = 64;
    /** Longer than the inner blocking of both vector drivers (256 steps), so that partial sums are added. */
    static final int LONG_INNER = 300;

    /** One product: {@code op} 0 = mult, 1 = multTransA, 2 = multTransB; op(a) is m x k, c is m x n. */
    record Shape(int op, int m, int k, int n) {
    }

    private final Gemm gemm;
    private final List<Shape> shapes;
    /** Per shape: a, b and c, allocated once. */
    private final List<DMatrixRMaj[]> operands = new ArrayList<>();

    GemmProbes(Gemm gemm) {
        this.gemm = gemm;
        KernelLayout layout = gemm.kernelLayout();
        this.shapes = layout == null ? plainShapes() : shapes(layout.blocking(), layout.lanes());
        for (Shape s : shapes) {
            DMatrixRMaj a = s.op == 1 ? new DMatrixRMaj(s.k, s.m) : new DMatrixRMaj(s.m, s.k);
            DMatrixRMaj b = s.op == 2 ? new DMatrixRMaj(s.n, s.k) : new DMatrixRMaj(s.k, s.n);
            fill(a, s.hashCode());
            fill(b, 31 * s.hashCode());
            operands.add(new DMatrixRMaj[] {a, b, new DMatrixRMaj(s.m, s.n)});
        }
    }

    /** The probes' shapes. */
    List<Shape> shapes() {
        return shapes;
    }

    /** Runs every probe once; false when {@code over} ended the pass early. */
    boolean run(BooleanSupplier over) {
        for (int i = 0; i < shapes.size(); i++) {
            if (i % 16 == 0 && over.getAsBoolean()) {
                return false;
            }
            DMatrixRMaj[] x = operands.get(i);
            switch (shapes.get(i).op) {
                case 0 -> gemm.mult(x[0], x[1], x[2]);
                case 1 -> gemm.multTransA(x[0], x[1], x[2]);
                default -> gemm.multTransB(x[0], x[1], x[2]);
            }
        }
        return true;
    }

    /** Every kernel of {@code blocking} on vectors of {@code lanes} values: see the class comment. */
    static List<Shape> shapes(GemmBlocking blocking, int lanes) {
        int panel = blocking.vectors() * lanes;
        List<Integer> columns = new ArrayList<>(List.of(panel, panel - 1));
        for (int nvec = 1; nvec < blocking.vectors(); nvec++) {
            columns.add(panel + nvec * lanes);
            columns.add(panel + nvec * lanes - 1);
        }
        int tallest = GemmBlocking.ALL.stream().mapToInt(GemmBlocking::rows).max().orElseThrow();
        int maxRows = 2 * Math.max(tallest, blocking.rows()) - 1;
        List<Shape> out = new ArrayList<>();
        for (int op = 0; op < 3; op++) {
            for (int n : columns) {
                if (n < 1) {
                    continue;
                }
                for (int m = 1; m <= maxRows; m++) {
                    out.add(new Shape(op, m, INNER, n));
                }
            }
            out.add(new Shape(op, maxRows, LONG_INNER, panel + lanes));
        }
        return out;
    }

    /** For a GEMM without register kernels: a hidden layer's three products and an output layer's. */
    private static List<Shape> plainShapes() {
        List<Shape> out = new ArrayList<>();
        for (int op = 0; op < 3; op++) {
            out.add(new Shape(op, 64, INNER, 128));
            out.add(new Shape(op, 29, INNER, 10));
        }
        return out;
    }

    private static void fill(DMatrixRMaj x, int seed) {
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = ((i * 7919L + seed) % 201 - 100) / 100.0;
        }
    }
}
