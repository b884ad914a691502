package dev.hypersearch.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/**
 * What the Vector API's preferred species says about the machine, for kernels that size their register blocking.
 * The API exposes the vector width the JIT will use ({@code -XX:MaxVectorSize} and the CPU's extensions decide
 * it) but not the number of vector registers, so that is inferred: x86-64 has 16 with AVX/AVX2 and 32 with
 * AVX-512 (the preferred species is 512 bits only then); AArch64 has 32 (NEON and SVE). Uses the incubating
 * module: name it only from code that already requires {@code jdk.incubator.vector}.
 */
public final class VectorHardware {

    private VectorHardware() {
    }

    /** Bits per vector of the preferred species. */
    public static int vectorBits() {
        return DoubleVector.SPECIES_PREFERRED.vectorBitSize();
    }

    /** Doubles per preferred vector. */
    public static int doubleLanes() {
        return DoubleVector.SPECIES_PREFERRED.length();
    }

    /** Floats per preferred vector. */
    public static int floatLanes() {
        return FloatVector.SPECIES_PREFERRED.length();
    }

    /** Architectural vector registers, inferred from the architecture and the preferred width. */
    public static int registers() {
        return registers(System.getProperty("os.arch", ""), vectorBits());
    }

    static int registers(String arch, int bits) {
        if (arch.equals("aarch64") || arch.equals("arm64")) {
            return 32;
        }
        return bits >= 512 ? 32 : 16;
    }

    /** One line for logs: {@code "256-bit vectors (4 doubles), 16 registers"}. */
    public static String describe() {
        return vectorBits() + "-bit vectors (" + doubleLanes() + " doubles), " + registers() + " registers";
    }
}
