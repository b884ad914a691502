package dev.hypersearch.api;

import dev.hypersearch.search.MlpParameters;
import dev.hypersearch.store.TrialEntity;
import io.swagger.v3.oas.annotations.Operation;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.data.domain.Limit;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Every trial of a search as CSV, for pandas or a spreadsheet: one column per parameter in canonical
 * order, then the metrics. Streamed in chunks so a 100,000-trial grid never sits in memory.
 */
@RestController
public class TrialCsvController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final int CHUNK = 1000;
    static final List<String> METRICS = List.of("valLoss", "bestValLoss", "bestEpoch", "valAccuracy", "trainLoss",
            "epochsRun", "durationMs", "attempt", "workerId", "startedAt", "finishedAt", "error", "stage",
            "pruneRule", "pruneEpoch", "pruneRung", "pruneValue", "pruneThreshold", "cvFolds", "cvStdValLoss",
            "cvStdValAccuracy");

    private final SearchSummaries searches;
    private final TrialExport trials;

    public TrialCsvController(SearchSummaries searches, TrialExport trials) {
        this.searches = searches;
        this.trials = trials;
    }

    @Operation(summary = "All trials of a search as CSV")
    @GetMapping(path = "/api/searches/{id}/trials.csv", produces = "text/csv")
    public ResponseEntity<StreamingResponseBody> export(@PathVariable long id) {
        searches.find(id);
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
            csv.printRecord(header());
            List<TrialEntity> chunk;
            int last = -1;
            do {
                chunk = trials.findBySearchIdAndNumberGreaterThanOrderByNumber(id, last, Limit.of(CHUNK));
                for (TrialEntity t : chunk) {
                    csv.printRecord(row(t));
                    last = t.getNumber();
                }
                csv.flush();
            } while (chunk.size() == CHUNK);
        };
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("search-" + id + "-trials.csv").build().toString())
                .body(body);
    }

    static List<String> header() {
        List<String> h = new ArrayList<>(List.of("trialId", "number", "status"));
        h.addAll(MlpParameters.names());
        h.addAll(METRICS);
        return h;
    }

    static List<Object> row(TrialEntity t) {
        List<Object> r = new ArrayList<>(List.of(t.getId(), t.getNumber(), t.getStatus()));
        // Parameters that apply only: empty cells for the rest, and for a TPE trial never claimed (no parameters).
        Map<String, Object> params = t.getParams() == null ? Map.of() : t.getParams().values();
        MlpParameters.names().forEach(n -> r.add(params.get(n)));
        r.addAll(Arrays.asList(t.getValLoss(), t.getBestValLoss(), t.getBestEpoch(), t.getValAccuracy(),
                t.getTrainLoss(), t.getEpochsRun(), t.getDurationMs(), t.getAttempt(), t.getWorkerId(),
                t.getStartedAt(), t.getFinishedAt(), t.getError(), t.getStage(), t.getPruneRule(), t.getPruneEpoch(),
                t.getPruneRung(), t.getPruneValue(), t.getPruneThreshold(), t.getCvFolds(), t.getCvValLossStd(),
                t.getCvValAccuracyStd()));
        return r;
    }
}
