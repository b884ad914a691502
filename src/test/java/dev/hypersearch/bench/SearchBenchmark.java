package dev.hypersearch.bench;

import dev.hypersearch.store.SearchEntity;
import dev.hypersearch.store.TrialEntity;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The search benchmark: a 40-trial random search on digits run by the whole service
 * (H2, worker pool, every epoch persisted) with 1 and then 2 workers; prints trials/minute and the
 * scaling ratio. Run: {@code ./mvnw -q -Pbench test-compile exec:exec -Dbench.main=dev.hypersearch.bench.SearchBenchmark}.
 */
public final class SearchBenchmark {

    static Map<String, Object> spec(String name, int trials, int epochs) {
        return Map.of("name", name, "dataset", "digits", "strategy", "random", "maxTrials", trials, "seed", 42,
                "space", Map.of(
                        "learningRate", Map.of("floatRange", Map.of("min", 1e-4, "max", 1e-1, "log", true)),
                        "hiddenUnits", Map.of("choice", List.of(32, 64, 128, 256)),
                        "hiddenLayers", Map.of("intRange", Map.of("min", 1, "max", 3)),
                        "activation", Map.of("choice", List.of("relu", "tanh", "sigmoid")),
                        "l2", Map.of("floatRange", Map.of("min", 1e-6, "max", 1e-2, "log", true)),
                        "epochs", epochs, "batchSize", 64));
    }

    record Run(int workers, double seconds, double trialsPerMinute, double bestValLoss, long epochs) {
    }

    public static void main(String[] args) throws Exception {
        Run one = run(1);
        Run two = run(2);
        System.out.println("40-trial random search on digits (20 epochs, batch 64), whole service on H2:");
        for (Run r : List.of(one, two)) {
            System.out.printf("  %d worker(s): %6.1f s  %6.1f trials/min  best val loss %.4f  %d epochs trained%n",
                    r.workers, r.seconds, r.trialsPerMinute, r.bestValLoss, r.epochs);
        }
        System.out.printf("  scaling 2 workers / 1 worker: %.2fx%n", two.trialsPerMinute / one.trialsPerMinute);
    }

    static Run run(int workers) throws Exception {
        try (BenchService service = BenchService.start("bench-" + workers, "all", workers)) {
            // Warm-up: the JIT compiles the engine before the measured search.
            service.run(spec("warm-up", 2 * workers, 5));
            long start = System.nanoTime();
            SearchEntity done = service.run(spec("measured", 40, 20));
            double seconds = (System.nanoTime() - start) / 1e9;
            List<TrialEntity> trials = service.trials(done.getId());
            long epochs = trials.stream().map(TrialEntity::getEpochsRun).filter(Objects::nonNull)
                    .mapToLong(Integer::longValue).sum();
            return new Run(workers, seconds, trials.size() / (seconds / 60), BenchService.bestValLoss(done, trials),
                    epochs);
        }
    }
}
