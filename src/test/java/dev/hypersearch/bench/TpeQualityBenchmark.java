package dev.hypersearch.bench;

import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.store.SearchEntity;
import dev.hypersearch.store.TrialEntity;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * TPE against random search on the digits 40-trial space (issue 13): for each seed, a TPE search of 40 trials and
 * a random search of 80, run by the whole service on H2 with one worker (so TPE's claims happen in order and the
 * run is reproducible); random's best after 40 is the best of its first 40 trials (trial k is the same whatever
 * the budget). Prints each seed's best validation losses and the medians over seeds. Target: TPE@40 at most
 * 0.9 x random@40 and no worse than random@80.
 *
 * <p>Run: {@code ./mvnw -q -Pbench test-compile exec:exec -Dbench.main=dev.hypersearch.bench.TpeQualityBenchmark}
 * ({@code -Dbench.args="3"} for fewer seeds).
 */
public final class TpeQualityBenchmark {

    static Map<String, Object> spec(String strategy, int trials, long seed) {
        Map<String, Object> spec = new HashMap<>(SearchBenchmark.spec(strategy + "-" + seed, trials, 20));
        spec.put("strategy", strategy);
        spec.put("seed", seed);
        return spec;
    }

    public static void main(String[] args) throws Exception {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        double[] tpe40 = new double[seeds];
        double[] random40 = new double[seeds];
        double[] random80 = new double[seeds];
        try (BenchService service = BenchService.start("tpe-quality", "all", 1)) {
            for (int s = 0; s < seeds; s++) {
                tpe40[s] = best(service, service.run(spec("tpe", 40, s)), 40);
                SearchEntity random = service.run(spec("random", 80, s));
                random40[s] = best(service, random, 40);
                random80[s] = best(service, random, 80);
                System.out.printf(Locale.ROOT, "seed %d: tpe@40 %.4f  random@40 %.4f  random@80 %.4f%n", s, tpe40[s],
                        random40[s], random80[s]);
            }
        }
        double t = median(tpe40);
        double r40 = median(random40);
        double r80 = median(random80);
        System.out.printf(Locale.ROOT, "median over %d seeds: tpe@40 %.4f  random@40 %.4f (ratio %.3f)  random@80 %.4f"
                + " (ratio %.3f)%n", seeds, t, r40, t / r40, r80, t / r80);
    }

    /** The lowest final validation loss among the completed trials numbered below {@code firstN}. */
    static double best(BenchService service, SearchEntity search, int firstN) {
        List<TrialEntity> trials = service.trials(search.getId());
        return trials.stream().filter(x -> x.getNumber() < firstN && x.getStatus() == TrialStatus.COMPLETED
                        && x.getValLoss() != null)
                .map(TrialEntity::getValLoss).min(Comparator.naturalOrder()).orElse(Double.NaN);
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
