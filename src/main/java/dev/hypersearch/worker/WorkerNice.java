package dev.hypersearch.worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Runs threads at a lower Linux scheduling priority (a higher nice value, {@code hypersearch.worker-nice}), so that
 * when the cores are busy the threads that answer requests, stream events and renew leases run before training:
 * with two workers training on two cores, a request otherwise waits for a core behind them. Nice only decides who
 * goes first, so a search with the cores to itself trains as fast.
 * <p>
 * Linux keeps the nice value per thread (setpriority on a thread id). Java has no call for it, and
 * {@code Thread.setPriority} changes nothing without a JVM flag in every launch ({@code -XX:ThreadPriorityPolicy=1},
 * which reaches only nice 4), so the thread reads its own id ({@link #currentThreadId}) and another thread runs
 * {@code renice} (util-linux; bsdutils in every Debian image) on it: the process reaper the JDK starts with the first
 * child process would inherit the nice value of the thread that starts it. Raising one's own nice value needs no
 * privilege. A thread started by a lowered thread inherits its nice value, so workers start no threads.
 */
final class WorkerNice {

    private static final Path THREAD_SELF = Path.of("/proc/thread-self");

    private WorkerNice() {
    }

    /** The calling thread's Linux thread id (/proc/thread-self is "PID/task/TID"); empty elsewhere. */
    static OptionalLong currentThreadId() {
        try {
            return OptionalLong.of(Long.parseLong(Files.readSymbolicLink(THREAD_SELF).getFileName().toString()));
        } catch (IOException | UnsupportedOperationException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Sets the threads' nice value with one renice call.
     *
     * @return null when done, else why not (for one log line)
     */
    static String set(int nice, List<Long> threadIds) {
        if (threadIds.isEmpty()) {
            return "no Linux thread ids (" + THREAD_SELF + " missing)";
        }
        List<String> command = new ArrayList<>(List.of("renice", "-n", Integer.toString(nice), "-p"));
        threadIds.forEach(id -> command.add(Long.toString(id)));
        try {
            Process renice = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(renice.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return renice.waitFor() == 0 ? null : "renice: " + output;
        } catch (IOException e) {
            return "cannot run renice: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
