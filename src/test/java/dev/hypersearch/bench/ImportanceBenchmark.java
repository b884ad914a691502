package dev.hypersearch.bench;

import dev.hypersearch.api.ImportanceController;
import dev.hypersearch.api.ParameterImportances;
import dev.hypersearch.search.importance.Axis;
import dev.hypersearch.search.importance.ImportanceAnalysis;
import dev.hypersearch.search.importance.ImportanceOptions;
import dev.hypersearch.search.importance.TrialTable;
import dev.hypersearch.store.ImportanceRows;
import dev.hypersearch.store.SearchEntity;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Speed of {@code GET /api/searches/{id}/importance} (target: under 1 s at 10,000 finished trials; Optuna's fANOVA
 * takes about 93 s there). A search of N trials over 8 varying parameters (random for N <= 10,000, a grid for more)
 * is finished by SQL (1 % diverged), then the importance is measured, after warm-up runs, as: the read (one
 * streamed query into the compact table), the analysis (PED-ANOVA plus 100 bootstrap resamples), and the
 * controller end to end (both, in its transaction). Argument: {@code [trials = 10000]} (100000 for a grid search).
 * Run: {@code ./mvnw -q -Pbench test-compile exec:exec -Dbench.main=dev.hypersearch.bench.ImportanceBenchmark -Dbench.args=10000}
 */
public final class ImportanceBenchmark {

    static final int WARM_UP = 5;
    static final int RUNS = 10;

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        try (BenchService service = BenchService.start("importance-bench", "none", 1)) {
            SearchEntity search = service.submit(spec(trials));
            long id = search.getId();
            JdbcTemplate jdbc = service.context().getBean(JdbcTemplate.class);
            jdbc.update("UPDATE trial SET status = 'COMPLETED', val_loss = MOD(number * 7919, 10007) / 1000.0,"
                    + " best_val_loss = MOD(number * 7919, 10007) / 1000.0, val_accuracy = 0.5, epochs_run = 5,"
                    + " attempt = 1, worker_id = 'sql', duration_ms = 10, finished_at = CURRENT_TIMESTAMP"
                    + " WHERE search_id = ?", id);
            jdbc.update("UPDATE trial SET status = 'DIVERGED', val_loss = NULL WHERE search_id = ?"
                    + " AND MOD(number, 100) = 7", id);

            ImportanceRows rows = service.context().getBean(ImportanceRows.class);
            ImportanceController controller = service.context().getBean(ImportanceController.class);
            List<Axis> axes = Axis.of(search.searchSpec().space());
            Supplier<TrialTable> read = () -> {
                TrialTable t = new TrialTable(axes);
                rows.finished(id, t);
                return t;
            };
            TrialTable table = read.get();
            ImportanceOptions options = new ImportanceOptions(0.1, 1, ImportanceOptions.DEFAULT_RESAMPLES, 42);

            double[][] readMs = time(read::get);
            double[][] analysisMs = time(() -> ImportanceAnalysis.analyse(table, options));
            double[][] endToEndMs = time(() -> controller.importance(id, 0.1, 1));
            ParameterImportances answer = controller.importance(id, 0.1, 1);

            System.out.printf("importance of %,d finished trials (%,d in the table), %d varying parameters,"
                    + " top 0.1, %d resamples, H2 in memory; %d runs after %d warm-up:%n", answer.finishedTrials(),
                    table.size(), axes.size(), answer.resamples(), RUNS, WARM_UP);
            print("read (query + JSON + table)", readMs);
            print("analysis (PED-ANOVA + bootstrap)", analysisMs);
            print("controller end to end", endToEndMs);
            answer.parameters().forEach(p -> System.out.printf("  %-13s %.3f [%.3f, %.3f]%n", p.name(),
                    p.importance(), p.low(), p.high()));
        }
    }

    static Map<String, Object> spec(int trials) {
        Map<String, Object> space = new LinkedHashMap<>();
        space.put("epochs", 5);
        space.put("hiddenLayers", Map.of("intRange", Map.of("min", 1, "max", 3)));
        space.put("activation", Map.of("choice", List.of("relu", "tanh", "sigmoid")));
        space.put("optimizer", Map.of("choice", List.of("sgd", "momentum", "adam")));
        space.put("batchSize", Map.of("choice", List.of(16, 32, 64, 128)));
        space.put("momentum", Map.of("floatRange", Map.of("min", 0.5, "max", 0.99, "points", 5)));
        boolean grid = trials > 10_000;
        // A grid of 50 x 50 x 40 x 3 x 3 x 4 x 3 x 5 points would be far more than asked: the grid search keeps
        // 50 x 50 x 40 = 100,000 points by fixing the rest; a random search varies all eight.
        space.put("learningRate", Map.of("floatRange", Map.of("min", 1e-4, "max", 0.1, "log", true, "points", 50)));
        space.put("l2", Map.of("floatRange", Map.of("min", 1e-6, "max", 1e-2, "log", true, "points", 50)));
        space.put("hiddenUnits", Map.of("intRange", Map.of("min", 16, "max", 16 + trials / 2500 - 1)));
        if (grid) {
            List.of("hiddenLayers", "activation", "optimizer", "batchSize", "momentum").forEach(space::remove);
        }
        Map<String, Object> spec = new LinkedHashMap<>(Map.of("name", "importance-bench", "dataset", "iris",
                "strategy", grid ? "grid" : "random", "seed", 42, "space", space));
        if (!grid) {
            spec.put("maxTrials", trials);
        }
        return spec;
    }

    /** Wall-clock and CPU milliseconds of each run, each sorted: the CPU figure is what shared cores do not inflate. */
    static double[][] time(Runnable work) {
        for (int i = 0; i < WARM_UP; i++) {
            work.run();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] wall = new double[RUNS];
        double[] cpu = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            work.run();
            wall[i] = (System.nanoTime() - start) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new double[][] {wall, cpu};
    }

    static void print(String label, double[][] ms) {
        double[] wall = ms[0];
        double[] cpu = ms[1];
        System.out.printf("  %-34s wall median %6.1f ms (min %6.1f, max %6.1f)   CPU median %6.1f ms (min %6.1f)%n",
                label, wall[wall.length / 2], wall[0], wall[wall.length - 1], cpu[cpu.length / 2], cpu[0]);
    }
}
