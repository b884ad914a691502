package dev.hypersearch.nn;

import java.lang.management.ManagementFactory;

/**
 * Whether this JVM will compile hot code with C2. The Vector API is fast only once C2 intrinsifies it: under
 * the interpreter or C1 alone ({@code -Xint}, {@code -XX:TieredStopAtLevel=1..3}, which Spring Boot's optimized
 * launch and some IDE run configurations pass) every vector op allocates a box, about 100x slower than EJML.
 */
final class JitCheck {

    private JitCheck() {
    }

    /** Null when C2 is available; otherwise why not, for the one fallback log line. */
    static String withoutC2() {
        String info = System.getProperty("java.vm.info", "");
        if (info.contains("interpreted mode")) {
            return "the JVM runs in interpreted mode (-Xint)";
        }
        String tiered = vmOption("TieredCompilation");
        String stopAt = vmOption("TieredStopAtLevel");
        if ("true".equals(tiered) && stopAt != null && Integer.parseInt(stopAt) < 4) {
            return "the JVM stops JIT compilation at C1 (-XX:TieredStopAtLevel=" + stopAt
                    + "), so vector code is never compiled by C2";
        }
        return null;
    }

    /** A HotSpot flag's current value, or null on a JVM that does not expose it. */
    private static String vmOption(String name) {
        try {
            return ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .getVMOption(name).getValue();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
