package dev.hypersearch.scaleout;

import dev.hypersearch.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One Hypersearch process started the way users start it ({@code java -jar} on the packaged jar, or the
 * test classpath for benchmarks), with its output in a log file under target/, and the signals the tests
 * need: SIGTERM, SIGKILL, SIGSTOP and SIGCONT.
 */
public final class AppProcess implements AutoCloseable {

    public static final Path LOG_DIR = Paths.get("target", "process-logs");
    /** Fast start-up: C1 only, serial GC, small heap; tests' trials are small. */
    static final List<String> TEST_JVM_FLAGS = List.of("--add-modules", "jdk.incubator.vector",
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-Xss512k");

    private final String name;
    private final Process process;
    private final Path log;

    private AppProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** The packaged jar ({@code ./mvnw verify} builds it before failsafe runs the *IT classes). */
    public static Path jar() {
        try (Stream<Path> files = Files.list(Paths.get("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("hypersearch-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no target/hypersearch-*.jar: run"
                            + " ./mvnw verify (it packages the jar before the integration tests)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts the packaged jar with {@code args}. The first call extracts the jar (Spring Boot's
     * {@code -Djarmode=tools extract}) and records a class-data-sharing archive from one training start, which
     * cuts every later start-up by more than half on this 2-core machine; if that fails, the fat jar is run as is.
     */
    public static AppProcess startJar(String name, List<String> args) {
        List<String> command = new ArrayList<>(TEST_JVM_FLAGS);
        command.addAll(launch());
        command.addAll(args);
        return start(name, command);
    }

    private static List<String> launch;

    private static synchronized List<String> launch() {
        if (launch == null) {
            launch = List.of("-jar", jar().toString());
            try {
                launch = sharedArchiveLaunch();
            } catch (RuntimeException | IOException | InterruptedException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                System.err.println("no class-data-sharing archive, starting the fat jar: " + e);
            }
        }
        return launch;
    }

    private static List<String> sharedArchiveLaunch() throws IOException, InterruptedException {
        Path dir = Paths.get("target", "cds");
        Path extracted = dir.resolve("app");
        Path archive = dir.resolve("hypersearch.jsa");
        Files.createDirectories(dir);
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        run(List.of(java, "-Djarmode=tools", "-jar", jar().toString(), "extract", "--force", "--destination",
                extracted.toString()), dir.resolve("extract.log"));
        Path app = extracted.resolve(jar().getFileName());
        try (Pg pg = Pg.freshSchema()) {
            List<String> training = new ArrayList<>(List.of(java));
            training.addAll(TEST_JVM_FLAGS);
            training.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh",
                    "-jar", app.toString()));
            training.addAll(workerArgs(pg, 1));
            run(training, dir.resolve("training.log"));
        }
        if (!Files.exists(archive)) {
            throw new IllegalStateException("the training run wrote no " + archive);
        }
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-jar", app.toString());
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish; see " + log);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue() + "; see " + log);
        }
    }

    /** Starts the application's main class on this JVM's class path (benchmarks: no jar needed). */
    public static AppProcess startClasspath(String name, List<String> jvmFlags, List<String> args) {
        List<String> command = new ArrayList<>(jvmFlags);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.hypersearch.Application");
        command.addAll(args);
        return start(name, command);
    }

    private static AppProcess start(String name, List<String> javaArgs) {
        try {
            Files.createDirectories(LOG_DIR);
            Path log = LOG_DIR.resolve(name + ".log");
            List<String> command = new ArrayList<>();
            command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(javaArgs);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            // On first start an api process stores this admin token (not on the command line, where ps shows it).
            builder.environment().put(TestTokens.ENV, TestTokens.ADMIN);
            Process p = builder.start();
            return new AppProcess(name, p, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Arguments for a worker process on the given schema. */
    public static List<String> workerArgs(Pg pg, int threads, String... more) {
        List<String> args = new ArrayList<>(commonArgs(pg));
        args.add("--hypersearch.role=worker");
        args.add("--hypersearch.workers=" + threads);
        // Connections are held only for short transactions: a few more than the threads is plenty, and the
        // machine's PostgreSQL (max_connections 100) is shared with other test runs.
        args.add("--spring.datasource.hikari.maximum-pool-size=" + Math.min(10, threads + 2));
        args.add("--server.port=0");
        args.addAll(List.of(more));
        return args;
    }

    public static List<String> commonArgs(Pg pg) {
        return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + pg.url(),
                "--spring.datasource.username=" + Pg.USER, "--spring.flyway.schemas=" + pg.schema,
                "--spring.jmx.enabled=false", "--hypersearch.poll-millis=50",
                "--spring.datasource.hikari.minimum-idle=1",
                // TrialLogs reads the per-trial line, which is DEBUG (a 100,000-trial search logs no line per trial)
                "--logging.level.hypersearch.trials=DEBUG");
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    /** Worker ids of this process start with this ({@code pid@host:...}). */
    public String workerIdPrefix() {
        return process.pid() + "@";
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (bounded) until the log matches; fails early if the process died. Returns the match. */
    public Matcher awaitLog(String regex, Duration timeout) {
        Pattern p = Pattern.compile(regex, Pattern.MULTILINE);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Matcher m = p.matcher(log());
            if (m.find()) {
                return m;
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited (" + process.exitValue() + ") before logging /" + regex
                        + "/; log tail:\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " did not log /" + regex + "/ within " + timeout + "; log tail:\n"
                        + tail());
            }
            Pg.sleep(100);
        }
    }

    public AppProcess awaitWorkersStarted() {
        awaitLog("workers started as", Duration.ofMinutes(3));
        return this;
    }

    public AppProcess awaitStarted() {
        awaitLog("Started Application in", Duration.ofMinutes(3));
        return this;
    }

    /** The HTTP port from Tomcat's start-up line. */
    public int port() {
        return Integer.parseInt(awaitLog("Tomcat started on port (\\d+)", Duration.ofMinutes(3)).group(1));
    }

    public String tail() {
        String all = log();
        return all.substring(Math.max(0, all.length() - 4000));
    }

    public void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** kill -9, and waits until the process is gone. */
    public void kill9() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM (what docker stop sends); returns how long the process took to exit. */
    public Duration terminate(Duration timeout) {
        long start = System.nanoTime();
        process.destroy();
        awaitExit(timeout);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " did not exit within " + timeout + "; log tail:\n" + tail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Kills the process if it is still there (SIGKILL also ends a stopped one). */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
