package dev.hypersearch.bench;

import dev.hypersearch.Application;
import dev.hypersearch.api.SearchSubmissions;
import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.store.SearchChangedEvent;
import dev.hypersearch.store.SearchEntity;
import dev.hypersearch.store.TrialEntity;
import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.store.TrialRepository;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * ASHA's speed target: the search benchmark's 40-trial random search on digits (20 epochs, batch 64, seed 42,
 * so both runs draw the same 40 configurations) run by the whole service without a pruner and with ASHA
 * (by default minEpochs 1, eta 3: rungs at epochs 1, 3, 9). Prints epochs trained, wall time and best validation loss of
 * each, and their ratios; the target is a best loss within 1% of the full search's at no more than a third of
 * its epochs. Arguments: {@code [workers = 2] [minEpochs = 1] [eta = 3]}. Run:
 * {@code ./mvnw -q -Pbench test-compile exec:exec -Dbench.main=dev.hypersearch.bench.AshaBenchmark -Dbench.args="2 1 3"}.
 * With several workers ASHA's decisions depend on which trials reached a rung first, so figures vary a little
 * from run to run; with one worker they replay exactly.
 */
public final class AshaBenchmark {

    record Run(String label, double seconds, long epochs, double bestValLoss, long pruned, long completed,
               List<TrialEntity> trials, int bestNumber) {
    }

    public static void main(String[] args) throws Exception {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int minEpochs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int eta = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        try (BenchService service = BenchService.start("asha-bench", "all", workers)) {
            // Warm-up: the JIT compiles the engine before the measured searches.
            service.run(SearchBenchmark.spec("warm-up", 2 * workers, 5));
            Run full = run(service, "full", SearchBenchmark.spec("full", 40, 20));
            Map<String, Object> asha = new HashMap<>(SearchBenchmark.spec("asha", 40, 20));
            asha.put("pruner", Map.of("asha", Map.of("minEpochs", minEpochs, "eta", eta)));
            Run pruned = run(service, "asha", asha);

            System.out.printf("40-trial random search on digits (20 epochs, batch 64, seed 42), %d worker(s), H2;"
                    + " asha minEpochs %d, eta %d:%n", workers, minEpochs, eta);
            for (Run r : List.of(full, pruned)) {
                System.out.printf("  %-5s %4d epochs  %6.1f s  best val loss %.5f  (%d completed, %d pruned)%n",
                        r.label, r.epochs, r.seconds, r.bestValLoss, r.completed, r.pruned);
            }
            double epochRatio = (double) pruned.epochs / full.epochs;
            double lossRatio = pruned.bestValLoss / full.bestValLoss;
            System.out.printf("  asha / full: epochs %.3f, wall time %.3f, best val loss %.4f (%+.2f%%)%n",
                    epochRatio, pruned.seconds / full.seconds, lossRatio, 100 * (lossRatio - 1));
            // Same seed, same configurations: how ASHA treated the full search's three best.
            List<TrialEntity> ranked = full.trials.stream().filter(t -> t.getValLoss() != null)
                    .sorted(java.util.Comparator.comparingDouble(TrialEntity::getValLoss)).limit(3).toList();
            for (TrialEntity t : ranked) {
                TrialEntity same = pruned.trials.stream().filter(a -> a.getNumber() == t.getNumber()).findFirst()
                        .orElseThrow();
                System.out.printf("  full search's #%d (trial %d, %s, val loss %.5f) under asha: %s%n",
                        ranked.indexOf(t) + 1, t.getNumber(), t.getParams(), t.getValLoss(),
                        same.getStatus() == TrialStatus.PRUNED ? String.format("pruned at epoch %d (rung %d):"
                                + " %.5f vs threshold %.5f", same.getPruneEpoch(), same.getPruneRung(),
                                same.getPruneValue(), same.getPruneThreshold()) : same.getStatus().name());
            }
            boolean met = epochRatio <= 1.0 / 3 && lossRatio <= 1.01;
            System.out.println("  target (best loss within 1% at <= 1/3 of the epochs): " + (met ? "met" : "MISSED"));
        }
    }

    static Run run(BenchService service, String label, Map<String, Object> spec) throws Exception {
        long start = System.nanoTime();
        SearchEntity done = service.run(spec);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<TrialEntity> trials = service.trials(done.getId());
        long epochs = trials.stream().map(TrialEntity::getEpochsRun).filter(Objects::nonNull)
                .mapToLong(Integer::longValue).sum();
        return new Run(label, seconds, epochs, BenchService.bestValLoss(done, trials),
                trials.stream().filter(t -> t.getStatus() == TrialStatus.PRUNED).count(),
                trials.stream().filter(t -> t.getStatus() == TrialStatus.COMPLETED).count(), trials,
                trials.stream().filter(t -> t.getId().equals(done.getBestTrialId())).mapToInt(TrialEntity::getNumber)
                        .findFirst().orElse(-1));
    }
}
