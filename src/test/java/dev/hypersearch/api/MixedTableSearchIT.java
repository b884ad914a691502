package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.data.table.Target;
import dev.hypersearch.data.ingest.MessyFiles;
import dev.hypersearch.store.DatasetColumns;
import dev.hypersearch.store.DatasetRepository;
import dev.hypersearch.DatasetSettings;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Searches on a mixed-type table (categories with a rare level and gaps, missing numbers, a boolean, dates)
 * through HTTP: trials train through the fitted pipeline, report accuracy, and show which columns became which
 * inputs; the pipeline is stored once per search and fold.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:mixed-table;DB_CLOSE_DELAY=-1",
        "hypersearch.role=all", "hypersearch.workers=2", "hypersearch.poll-millis=50"})
class MixedTableSearchIT {

    @TestConfiguration
    static class MixedTable {
        @Bean
        @Primary
        MixedTableCatalog mixedTableCatalog(DatasetRepository uploads, DatasetColumns columns,
                DatasetSettings settings, PlatformTransactionManager transactions, ObjectMapper json) {
            return new MixedTableCatalog(uploads, columns, settings, transactions, json);
        }
    }

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aHoldoutSearchOnAMixedTableLearnsAndShowsItsInputs() throws Exception {
        Http http = new Http(port);
        long id = run(http, Map.of("name", "mixed", "dataset", MixedTableCatalog.NAME, "strategy", "random",
                "maxTrials", 2, "seed", 3, "validationFraction", 0.25, "space", space()));
        List<JsonNode> rows = trials(http, id);
        assertThat(rows).hasSize(2).allMatch(t -> t.get("status").asString().equals("COMPLETED"));
        double best = rows.stream().mapToDouble(t -> t.get("valAccuracy").asDouble()).max().orElseThrow();
        assertThat(best).as("better than always answering the majority class").isGreaterThan(majorityShare() + 0.05);
        assertThat(rows).allMatch(t -> t.get("valF1").asDouble() > 0 && t.get("valF1").asDouble() <= 1
                && t.get("valR2").isNull());

        JsonNode detail = http.get("/api/trials/" + rows.get(0).get("id").asLong()).json();
        JsonNode pre = detail.get("preprocessing");
        assertThat(pre).hasSize(1);
        JsonNode columns = pre.get(0).get("columns");
        assertThat(columns).hasSize(4);
        assertThat(columns.get(0).get("column").asString()).isEqualTo("plan");
        assertThat(columns.get(0).get("step").asString()).isEqualTo("categorical");
        assertThat(texts(columns.get(0).get("inputs"))).contains("plan=basic", "plan=legacy", "plan:missing_level",
                "plan:other_level");
        assertThat(texts(columns.get(1).get("inputs"))).containsExactly("spend:standardized",
                "spend:missing_indicator");
        assertThat(columns.get(2).get("step").asString()).isEqualTo("boolean");
        assertThat(columns.get(3).get("inputs")).hasSize(8); // year, 3 sin/cos pairs, missing indicator
        assertThat(pre.get(0).get("width").asInt()).isEqualTo(7 + 2 + 1 + 8);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM search_pipeline WHERE search_id = ?", Long.class, id))
                .isEqualTo(1);
        assertThat(http.get("/api/searches/" + id).json().get("inputFeatures").asInt()).isEqualTo(7 + 2 + 1 + 8);
    }

    /** The whole path a user takes: a messy export uploaded over HTTP, searched, its accuracy read back. */
    @Test
    void anUploadedMessyExportTrainsEndToEnd() throws Exception {
        Http http = new Http(port);
        Multipart form = new Multipart()
                .file("file", "customers.csv.gz", MessyFiles.gzip(MessyFiles.withBom(MessyFiles.customers(';'))))
                .field("name", "customers-e2e");
        Http.Response upload = http.post("/api/datasets", form.contentType(), form.bytes());
        assertThat(upload.status()).as(upload.toString()).isEqualTo(201);

        long id = run(http, Map.of("name", "messy", "dataset", "customers-e2e", "strategy", "random",
                "maxTrials", 2, "seed", 3, "validationFraction", 0.3, "space", space()));
        List<JsonNode> rows = trials(http, id);
        assertThat(rows).hasSize(2).allMatch(t -> t.get("status").asString().equals("COMPLETED"));
        assertThat(rows).allMatch(t -> t.get("valAccuracy").asDouble() >= 0 && t.get("valAccuracy").asDouble() <= 1);
        // age had NA and n/a cells: standardized, plus its missing indicator
        JsonNode columns = http.get("/api/trials/" + rows.get(0).get("id").asLong()).json().get("preprocessing")
                .get(0).get("columns");
        assertThat(texts(columns.get(0).get("inputs"))).contains("age:standardized", "age:missing_indicator");
        assertThat(http.get("/api/searches/" + id).json().get("inputFeatures").asInt())
                .isEqualTo(http.get("/api/trials/" + rows.get(0).get("id").asLong()).json().get("preprocessing")
                        .get(0).get("width").asInt());
    }

    @Test
    void aRegressionSearchReportsRSquaredAndErrorsInTheTargetsUnits() throws Exception {
        Http http = new Http(port);
        long id = run(http, Map.of("name", "prices", "dataset", MixedTableCatalog.PRICES, "strategy", "grid",
                "seed", 5, "validationFraction", 0.25, "space", Map.of("learningRate", Map.of("choice",
                        List.of(0.0003, 0.01)), "hiddenUnits", 16, "optimizer", "adam", "epochs", 60,
                        "batchSize", 32)));
        List<JsonNode> byR2 = new ArrayList<>();
        http.get("/api/searches/" + id + "/trials?sort=valR2&dir=desc").json().get("items").forEach(byR2::add);
        assertThat(byR2).hasSize(2);
        double bestR2 = byR2.get(0).get("valR2").asDouble();
        assertThat(bestR2).isGreaterThanOrEqualTo(byR2.get(1).get("valR2").asDouble()).isGreaterThan(0.8);
        // the noise is 10,000: errors are in currency units, not standardized ones
        assertThat(byR2.get(0).get("valRmse").asDouble()).isBetween(5_000.0, 40_000.0);
        assertThat(byR2.get(0).get("valMae").asDouble()).isLessThanOrEqualTo(byR2.get(0).get("valRmse").asDouble());
        assertThat(byR2.get(0).get("valF1").isNull()).isTrue();
    }

    @Test
    void eachFoldHasItsOwnPipeline() throws Exception {
        Http http = new Http(port);
        long id = run(http, Map.of("name", "mixed-folds", "dataset", MixedTableCatalog.NAME, "strategy", "random",
                "maxTrials", 1, "seed", 4, "validation", Map.of("folds", 3), "space", space()));
        List<JsonNode> rows = trials(http, id);
        assertThat(rows).hasSize(1).allMatch(t -> t.get("status").asString().equals("COMPLETED"));
        JsonNode pre = http.get("/api/trials/" + rows.get(0).get("id").asLong()).json().get("preprocessing");
        assertThat(pre).hasSize(3);
        for (int f = 0; f < 3; f++) {
            assertThat(pre.get(f).get("fold").asInt()).isEqualTo(f);
        }
    }

    private static Map<String, Object> space() {
        return Map.of("learningRate", 0.01, "hiddenUnits", 16, "optimizer", "adam", "epochs", 40, "batchSize", 32);
    }

    private long run(Http http, Object spec) throws InterruptedException {
        Http.Response r = http.postJson("/api/searches", spec);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        assertThat(SearchEnd.await(http, id, Duration.ofMinutes(5))).isEqualTo("COMPLETED");
        return id;
    }

    private static List<JsonNode> trials(Http http, long searchId) {
        Http.Response r = http.get("/api/searches/" + searchId + "/trials?sort=number&dir=asc&size=50");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        r.json().get("items").forEach(rows::add);
        return rows;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static double majorityShare() {
        Target.Classes c = (Target.Classes) MixedTableCatalog.TABLE.target();
        int yes = 0;
        for (int i = 0; i < c.size(); i++) {
            yes += c.label(i);
        }
        return Math.max(yes, c.size() - yes) / (double) c.size();
    }
}
