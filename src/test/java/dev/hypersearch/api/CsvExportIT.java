package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvExportIT extends ApiIT {

    @Test
    void anExportLongerThanOneChunkHasEveryTrialOnceInOrder() throws Exception {
        int trials = TrialCsvController.CHUNK * 2 + 17;
        long id = submit(randomSpec("long-export", trials, 8, Map.of("epochs", 1,
                "hiddenUnits", Map.of("intRange", Map.of("min", 1, "max", 4096)))));
        // Its trials are planned: claims create them, so that the export has rows to list.
        while (queue.claim("export", java.time.Duration.ofHours(1)).isPresent()) {
            // every planned trial of the search, created
        }
        Http.Response r = http.get("/api/searches/" + id + "/trials.csv");
        assertThat(r.status()).isEqualTo(200);
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(r.body())).getRecords();
        assertThat(rows).hasSize(trials);
        for (int k = 0; k < trials; k++) {
            assertThat(rows.get(k).get("number")).isEqualTo(String.valueOf(k));
        }
        lifecycle.cancel(id);
    }
}
