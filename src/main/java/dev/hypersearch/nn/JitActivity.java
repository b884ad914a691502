package dev.hypersearch.nn;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * What the JIT is doing, for {@link KernelWarmup}'s stop rule: the compilers' accumulated time
 * ({@link CompilationMXBean}, which grows when a compilation ends) and whether any compilation is queued or running
 * (HotSpot's {@code Compiler.queue} diagnostic command through the platform MBean server, the same text as
 * {@code jcmd PID Compiler.queue}), and the newest compilation of the engine's own code ({@code Compiler.codelist}:
 * the compilers' time also counts the service's code, and the warm-up's own polling). On a busy machine the
 * compiler threads are starved too: a round can end with its kernels still queued for C2, no faster than the one
 * before, which the old round-timing rule took for done. Either probe may be missing on another JVM; callers then
 * fall back.
 */
final class JitActivity {

    /** The tier of C2's code in {@code Compiler.codelist}. */
    private static final String C2_LEVEL = "4";
    private static final String DIAGNOSTIC_COMMANDS = "com.sun.management:type=DiagnosticCommand";

    private final CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    private final boolean timed = compiler != null && compiler.isCompilationTimeMonitoringSupported();
    private MBeanServer server;
    private ObjectName commands;
    private boolean queueReadable = true;

    /** Whether {@link #compilationMillis()} means anything here. */
    boolean timed() {
        return timed;
    }

    /** The compilers' accumulated time in ms (0 when not monitored). */
    long compilationMillis() {
        return timed ? compiler.getTotalCompilationTime() : 0;
    }

    /**
     * Whether no compilation is queued or running: true, false, or null when this JVM cannot say (then it never
     * asks again). The first call starts the platform MBean server (about 0.1 s of CPU).
     */
    Boolean idle() {
        String queue = command("compilerQueue");
        return queue == null ? null : idle(queue);
    }

    /**
     * The id of the newest C2 code (OSR included) of a method whose class name starts with {@code prefix}, from
     * HotSpot's {@code Compiler.codelist}; -1 if there is none, null when this JVM cannot say. Ids grow with every
     * compilation, so an unchanged id means C2 compiled none of those methods meanwhile, whatever other code (the
     * service's) the JIT compiled. C1's compilations are left out: methods called once per net reach C1's
     * thresholds round after round, and the hot code's cost is what C2 changes.
     */
    Long newestCompile(String prefix) {
        String list = command("compilerCodelist");
        return list == null ? null : newestCompile(list, prefix);
    }

    private String command(String operation) {
        if (!queueReadable) {
            return null;
        }
        try {
            if (server == null) {
                server = ManagementFactory.getPlatformMBeanServer();
                commands = new ObjectName(DIAGNOSTIC_COMMANDS);
            }
            return (String) server.invoke(commands, operation, new Object[0], new String[0]);
        } catch (JMException | RuntimeException | LinkageError e) {
            queueReadable = false;
            return null;
        }
    }

    /** Parses {@code Compiler.codelist}'s lines: "id level state class.method(signature) [addresses]". */
    static long newestCompile(String codelist, String prefix) {
        long newest = -1;
        for (String line : codelist.split("\n")) {
            String[] w = line.trim().split(" ", 5);
            if (w.length >= 4 && w[1].equals(C2_LEVEL) && w[3].startsWith(prefix)) {
                try {
                    newest = Math.max(newest, Long.parseLong(w[0]));
                } catch (NumberFormatException e) {
                    // not an entry
                }
            }
        }
        return newest;
    }

    /**
     * Parses {@code Compiler.queue}'s text: a "Current compiles:" section listing running compilations, then one
     * "... compile queue:" section per compiler holding either "Empty" or its tasks. Idle when every line after a
     * header is blank or "Empty".
     */
    static boolean idle(String queue) {
        for (String line : queue.split("\n")) {
            String l = line.trim();
            if (!l.isEmpty() && !l.equals("Empty") && !l.endsWith(":")) {
                return false;
            }
        }
        return true;
    }
}
