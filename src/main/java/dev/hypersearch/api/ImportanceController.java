package dev.hypersearch.api;

import dev.hypersearch.search.SearchSpec;
import dev.hypersearch.search.importance.Axis;
import dev.hypersearch.search.importance.ImportanceAnalysis;
import dev.hypersearch.search.importance.ImportanceOptions;
import dev.hypersearch.search.importance.TrialTable;
import dev.hypersearch.store.ImportanceRows;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hyperparameter importance of a search, measured on its finished trials by PED-ANOVA (as Optuna 4's default
 * evaluator) with bootstrap intervals. The trials are streamed from the database into a compact table (a few
 * bytes per trial and parameter), so a search of any size is read in one query and bounded memory.
 */
@RestController
public class ImportanceController {

    private final SearchSummaries searches;
    private final ImportanceRows rows;
    private final SharedReads shared;

    public ImportanceController(SearchSummaries searches, ImportanceRows rows, SharedReads shared) {
        this.searches = searches;
        this.rows = rows;
        this.shared = shared;
    }

    @Operation(summary = "Which hyperparameters matter: each varying parameter's share of importance among the"
            + " finished trials (PED-ANOVA), with a 95 % bootstrap interval",
            description = "top: the best fraction of finished trials whose parameter values are compared with the"
                    + " region's, in (0, 1) (default 0.1); within: the region, the best fraction of finished trials"
                    + " (default 1, all of them), greater than top. Finished trials rank completed ones by loss,"
                    + " then pruned ones by the epoch they reached and their loss there, then diverged ones."
                    + " Fewer than 10 finished trials: no shares, and a reason.")
    @GetMapping("/api/searches/{id}/importance")
    @Transactional(readOnly = true)
    public ParameterImportances importance(@PathVariable long id,
                                           @RequestParam(defaultValue = "0.1") double top,
                                           @RequestParam(defaultValue = "1") double within) {
        if (ImportanceOptions.topProblem(top) != null) {
            throw new BadParameterException("top", ImportanceOptions.topProblem(top));
        }
        if (ImportanceOptions.withinProblem(top, within) != null) {
            throw new BadParameterException("within", ImportanceOptions.withinProblem(top, within));
        }
        // shared by every viewer: each open page asks every 2 s, and the bootstrap reads every finished trial
        // (404 from the search's version read)
        return shared.get(new SharedReads.Key(id, "importance", List.of(top, within)),
                () -> compute(id, searches.find(id).searchSpec(), top, within));
    }

    private ParameterImportances compute(long id, SearchSpec spec, double top, double within) {
        ImportanceOptions options = new ImportanceOptions(top, within, ImportanceOptions.DEFAULT_RESAMPLES,
                spec.seed());
        TrialTable table = new TrialTable(Axis.of(spec.space()));
        rows.finished(id, table);
        ImportanceAnalysis.Result r = ImportanceAnalysis.analyse(table, options);
        return new ParameterImportances(r.trials(), r.topTrials(), top, within, options.resamples(),
                r.parameters().stream().map(ParameterImportances.Share::of).toList(), r.reason());
    }
}
