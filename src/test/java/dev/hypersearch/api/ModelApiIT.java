package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.TestTokens;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.hypersearch.data.BuiltinDatasets;
import dev.hypersearch.data.Dataset;
import dev.hypersearch.data.ingest.MessyFiles;
import dev.hypersearch.model.RawRow;
import dev.hypersearch.model.RawValue;
import dev.hypersearch.model.Refit;
import dev.hypersearch.model.TrainedModel;
import dev.hypersearch.nn.Gemms;
import dev.hypersearch.search.TrialParams;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A model end to end with real workers on the embedded database: a finished search's best trial refitted as a
 * worker job, predicted over REST (the refit's predictions, recomputed here from the trial's configuration on every
 * iris row), refused input named by row and column, downloaded as ONNX and run by onnxruntime, deleted; and a
 * model of an uploaded messy CSV predicting a missing value and an unseen category, over HTTP and in onnxruntime.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:model-api;DB_CLOSE_DELAY=-1",
        "hypersearch.role=all", "hypersearch.workers=1", "hypersearch.poll-millis=50",
        "hypersearch.heartbeat-seconds=1"})
class ModelApiIT {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    JsonNode awaitJson(Http http, String path, Predicate<JsonNode> done) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            JsonNode node = http.get(path).json();
            if (done.test(node) || System.nanoTime() > deadline) {
                return node;
            }
            Thread.sleep(50); // polling a bounded wait: the job's end is in another thread
        }
    }

    @Test
    void aRefitWhoseWorkerDiedIsReapedAndRefittedByAnotherAttempt() throws Exception {
        Http http = new Http(port);
        Http.Response submitted = http.postJson("/api/searches", Map.of("name", "crash-source", "dataset", "iris",
                "strategy", "random", "maxTrials", 1, "seed", 3, "space", Map.of("hiddenUnits", 8, "epochs", 5)));
        long searchId = submitted.json().get("id").asLong();
        assertThat(awaitJson(http, "/api/searches/" + searchId, s -> s.get("status").asString().equals("COMPLETED"))
                .get("status").asString()).isEqualTo("COMPLETED");
        long trialId = jdbc.queryForObject("SELECT id FROM trial WHERE search_id = ?", Long.class, searchId);
        String params = http.get("/api/trials/" + trialId).json().get("params").toString();
        // A worker claimed the refit and died (kill -9): its lease ran out (backdated, not waited for).
        jdbc.update("INSERT INTO model (search_id, trial_id, trial_number, search_seed, status, params, dataset, task,"
                + " worker_id, attempt, lease_expires_at, created_at, started_at) VALUES (?, ?, 0, 3, 'TRAINING',"
                + " ? FORMAT JSON, 'iris', 'classification', 'dead-worker', 1, CURRENT_TIMESTAMP - INTERVAL '1' SECOND,"
                + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", searchId, trialId, params);
        long modelId = jdbc.queryForObject("SELECT id FROM model WHERE trial_id = ?", Long.class, trialId);

        // The heartbeat's reaper requeues it and this process's worker refits it.
        JsonNode model = awaitJson(http, "/api/models/" + modelId, m -> !m.get("status").asString().equals("TRAINING"));
        assertThat(model.get("status").asString()).as(model.toString()).isEqualTo("READY");
        assertThat(model.get("attempt").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT attempt_history FROM model WHERE id = ?", String.class, modelId))
                .contains("attempt 1 on worker dead-worker: lease expired");
        assertThat(http.postJson("/api/models/" + modelId + "/predict", Map.of("rows", List.of(Map.of(
                "sepal_length_cm", 5.1, "sepal_width_cm", 3.5, "petal_length_cm", 1.4, "petal_width_cm", 0.2))))
                .json().get("predictions")).hasSize(1);
    }

    @Test
    void aModelOfAnUploadedMessyExportPredictsMissingValuesAndUnseenCategoriesOverHttp() throws Exception {
        Http http = new Http(port);
        Multipart form = new Multipart().file("file", "customers.csv", MessyFiles.utf8(MessyFiles.customers(';')))
                .field("name", "customers-model");
        Http.Response upload = http.post("/api/datasets", form.contentType(), form.bytes());
        assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
        Http.Response submitted = http.postJson("/api/searches", Map.of("name", "messy-model", "dataset",
                "customers-model", "strategy", "random", "maxTrials", 1, "seed", 5, "space", Map.of("hiddenUnits", 8,
                        "epochs", 10, "batchSize", 8)));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        long searchId = submitted.json().get("id").asLong();
        assertThat(awaitJson(http, "/api/searches/" + searchId, s -> s.get("status").asString().equals("COMPLETED"))
                .get("status").asString()).isEqualTo("COMPLETED");
        long modelId = http.post("/api/searches/" + searchId + "/model").json().get("id").asLong();
        JsonNode model = awaitJson(http, "/api/models/" + modelId, m -> !m.get("status").asString().equals("TRAINING"));
        assertThat(model.get("status").asString()).as(model.toString()).isEqualTo("READY");
        // 30 labelled rows (two without a label are dropped); the schema names each original column and its type
        assertThat(model.get("metrics").get("rows").asInt()).isEqualTo(30);
        Map<String, String> types = new HashMap<>();
        model.get("featureSchema").forEach(c -> types.put(c.get("name").asString(), c.get("type").asString()));
        assertThat(types).containsEntry("age", "numeric").containsEntry("city", "categorical")
                .containsEntry("signup", "date").containsEntry("member", "boolean").doesNotContainKey("customer_id");

        Map<String, Object> unseen = new HashMap<>(Map.of("city", "Marseille", "signup", "2025-03-14",
                "member", true));
        unseen.put("age", null);
        List<Map<String, Object>> rows = List.of(unseen, Map.of("age", 33, "city", "Lyon", "signup", "2024-02-29",
                "member", false), Map.of());
        Http.Response predicted = http.postJson("/api/models/" + modelId + "/predict", Map.of("rows", rows));
        assertThat(predicted.status()).as(predicted.toString()).isEqualTo(200);
        JsonNode predictions = predicted.json().get("predictions");
        assertThat(predictions).hasSize(3);
        for (JsonNode p : predictions) {
            assertThat(p.get("label").asString()).isIn("churned", "stayed");
            assertThat(p.get("probabilities").get("churned").asDouble() + p.get("probabilities").get("stayed")
                    .asDouble()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        }

        Http.Response wrong = http.postJson("/api/models/" + modelId + "/predict", Map.of("rows",
                List.of(Map.of("city", "Lyon"), Map.of("signup", "14/03/2025"))));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("errors").get(0).get("field").asString()).isEqualTo("rows[1].signup");

        // the downloaded file gives the same probabilities: NaN for the missing age, the unseen city as it is
        HttpResponse<byte[]> file = http.client().send(HttpRequest.newBuilder(http.uri("/api/models/" + modelId
                        + "/model.onnx")).header("Authorization", TestTokens.bearer(TestTokens.ADMIN)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(file.body(), new OrtSession.SessionOptions());
             OnnxTensor age = OnnxTensor.createTensor(env, new float[][] {{Float.NaN}, {33}, {Float.NaN}});
             OnnxTensor city = OnnxTensor.createTensor(env, new String[] {"Marseille", "Lyon", ""}, new long[] {3, 1});
             OnnxTensor signup = OnnxTensor.createTensor(env, new float[][] {
                     {java.time.LocalDate.parse("2025-03-14").toEpochDay()},
                     {java.time.LocalDate.parse("2024-02-29").toEpochDay()}, {Float.NaN}});
             OnnxTensor member = OnnxTensor.createTensor(env, new float[][] {{1}, {0}, {Float.NaN}});
             OrtSession.Result result = session.run(Map.of("age", age, "city", city, "signup", signup,
                     "member", member))) {
            float[][] p = (float[][]) result.get("probabilities").orElseThrow().getValue();
            List<String> classes = new ArrayList<>();
            model.get("classes").forEach(c -> classes.add(c.asString()));
            for (int i = 0; i < 3; i++) {
                for (int c = 0; c < classes.size(); c++) {
                    assertThat((double) p[i][c]).as("row %d class %s", i, classes.get(c)).isCloseTo(predictions.get(i)
                            .get("probabilities").get(classes.get(c)).asDouble(), org.assertj.core.data.Offset.offset(1e-5));
                }
            }
        }
    }

    @Test
    void theBestTrialIsRefittedOnEveryRowServedAndExported() throws Exception {
        Http http = new Http(port);
        Http.Response submitted = http.postJson("/api/searches", Map.of("name", "model-source", "dataset", "iris",
                "strategy", "random", "maxTrials", 2, "seed", 11, "space", Map.of("hiddenUnits", 16, "epochs", 25,
                        "batchSize", 16, "activation", Map.of("choice", List.of("prelu", "elu")))));
        assertThat(submitted.status()).isEqualTo(201);
        long searchId = submitted.json().get("id").asLong();
        JsonNode search = awaitJson(http, "/api/searches/" + searchId,
                s -> s.get("status").asString().equals("COMPLETED"));
        assertThat(search.get("status").asString()).isEqualTo("COMPLETED");

        Http.Response created = http.post("/api/searches/" + searchId + "/model");
        assertThat(created.status()).as(created.toString()).isEqualTo(202);
        long modelId = created.json().get("id").asLong();
        assertThat(created.headers().firstValue("Location")).contains("/api/models/" + modelId);
        long trialId = created.json().get("trialId").asLong();
        // asking again, by the search or by the trial, returns the same model
        Http.Response again = http.post("/api/trials/" + trialId + "/model");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asLong()).isEqualTo(modelId);
        assertThat(http.post("/api/searches/" + searchId + "/model").json().get("id").asLong()).isEqualTo(modelId);

        JsonNode model = awaitJson(http, "/api/models/" + modelId, m -> !m.get("status").asString().equals("TRAINING"));
        assertThat(model.get("status").asString()).as(model.toString()).isEqualTo("READY");
        assertThat(model.get("task").asString()).isEqualTo("classification");
        assertThat(model.get("searchId").asLong()).isEqualTo(searchId);
        assertThat(model.get("metrics").get("rows").asInt()).isEqualTo(150);
        assertThat(model.get("metrics").get("epochs").asInt()).isEqualTo(25);
        assertThat(model.get("metrics").get("trainingAccuracy").asDouble()).isGreaterThan(0.8);
        List<String> classes = new ArrayList<>();
        model.get("classes").forEach(c -> classes.add(c.asString()));
        Dataset iris = BuiltinDatasets.load("iris");
        assertThat(classes).isEqualTo(iris.classNames());
        assertThat(model.get("featureSchema")).hasSize(iris.numFeatures());
        assertThat(model.get("featureSchema").get(0).get("name").asString()).isEqualTo(iris.featureNames().get(0));
        assertThat(http.get("/api/models").json()).anySatisfy(m -> assertThat(m.get("id").asLong()).isEqualTo(modelId));

        // predictions are those of the trial's configuration refitted on all 150 rows with the trial's seed, at the
        // trial's precision (float32 by default) with the engine's GEMM for it
        TrialParams params = Http.JSON.treeToValue(model.get("parameters"), TrialParams.class);
        Refit.Trained expected = (Refit.Trained) new Refit(Gemms.byPrecision()).run(params, dev.hypersearch.data.DatasetTables.of(iris),
                11, model.get("trialNumber").asInt(), () -> false);
        List<Map<String, Object>> rows = new ArrayList<>();
        List<RawRow> raw = new ArrayList<>();
        for (int i = 0; i < iris.size(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            Map<String, RawValue> values = new HashMap<>();
            for (int j = 0; j < iris.numFeatures(); j++) {
                row.put(iris.featureNames().get(j), iris.feature(i, j));
                values.put(iris.featureNames().get(j), new RawValue.Number(iris.feature(i, j)));
            }
            row.put("an extra column", "ignored");
            rows.add(row);
            raw.add(new RawRow(values));
        }
        double[][] want = expected.model().predict(raw);
        Http.Response predicted = http.postJson("/api/models/" + modelId + "/predict", Map.of("rows", rows));
        assertThat(predicted.status()).as(predicted.toString()).isEqualTo(200);
        JsonNode predictions = predicted.json().get("predictions");
        assertThat(predictions).hasSize(150);
        int correct = 0;
        for (int i = 0; i < 150; i++) {
            JsonNode p = predictions.get(i);
            for (int c = 0; c < classes.size(); c++) {
                assertThat(p.get("probabilities").get(classes.get(c)).asDouble()).isEqualTo(want[i][c]);
            }
            assertThat(p.get("label").asString()).isEqualTo(classes.get(TrainedModel.argmax(want[i])));
            if (p.get("label").asString().equals(classes.get(iris.labels()[i]))) {
                correct++;
            }
        }
        assertThat(correct / 150.0).isEqualTo(model.get("metrics").get("trainingAccuracy").asDouble());

        // refused input: wrong kind, too many rows, a body that is no rows (a missing value is imputed)
        String column = iris.featureNames().get(2);
        Map<String, Object> wrongKind = new LinkedHashMap<>(rows.get(1));
        wrongKind.put(column, "tall");
        Http.Response bad = http.postJson("/api/models/" + modelId + "/predict", Map.of("rows",
                List.of(rows.get(0), wrongKind)));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("rows[1]." + column);
        assertThat(bad.json().get("detail").asString()).contains("row 1", column, "expected a number or null, got a string");
        Map<String, Object> missing = new LinkedHashMap<>(rows.get(0));
        missing.put(column, null);
        Http.Response absent = http.postJson("/api/models/" + modelId + "/predict", Map.of("rows", List.of(missing)));
        assertThat(absent.status()).isEqualTo(200);
        assertThat(absent.json().get("predictions").get(0).get("label").asString()).isIn(classes);
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i <= 10_000; i++) {
            tooMany.add(rows.get(i % rows.size()));
        }
        Http.Response large = http.postJson("/api/models/" + modelId + "/predict", Map.of("rows", tooMany));
        assertThat(large.status()).isEqualTo(413);
        assertThat(large.json().get("detail").asString()).contains("at most 10000 rows");
        assertThat(http.postJson("/api/models/" + modelId + "/predict", Map.of("rows", 3)).status()).isEqualTo(400);
        assertThat(http.postJson("/api/models/" + (modelId + 1000) + "/predict", Map.of("rows", List.of())).status())
                .isEqualTo(404);

        // the ONNX file gives the same probabilities in onnxruntime
        HttpResponse<byte[]> file = http.client().send(HttpRequest.newBuilder(http.uri("/api/models/" + modelId
                        + "/model.onnx")).header("Authorization", TestTokens.bearer(TestTokens.ADMIN)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                v -> assertThat(v).contains("model-" + modelId + ".onnx"));
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(file.body(), new OrtSession.SessionOptions())) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            for (int j = 0; j < iris.numFeatures(); j++) {
                float[][] col = new float[150][1];
                for (int i = 0; i < 150; i++) {
                    col[i][0] = (float) iris.feature(i, j);
                }
                inputs.put(iris.featureNames().get(j), OnnxTensor.createTensor(env, col));
            }
            try (OrtSession.Result r = session.run(inputs)) {
                float[][] p = (float[][]) r.get("probabilities").orElseThrow().getValue();
                for (int i = 0; i < 150; i++) {
                    for (int c = 0; c < classes.size(); c++) {
                        assertThat((double) p[i][c]).isCloseTo(want[i][c], org.assertj.core.data.Offset.offset(1e-5));
                    }
                }
            }
            inputs.values().forEach(OnnxTensor::close);
        }

        // a trial that is not completed cannot be refitted; deleting the model
        assertThat(http.send(HttpRequest.newBuilder(http.uri("/api/models/" + modelId)).DELETE().build()).status())
                .isEqualTo(204);
        assertThat(http.get("/api/models/" + modelId).status()).isEqualTo(404);
        assertThat(http.postJson("/api/models/" + modelId + "/predict", Map.of("rows", List.of())).status())
                .isEqualTo(404);
    }
}
