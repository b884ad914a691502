package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.store.ClaimedTrial;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SearchApiIT extends ApiIT {

    @org.springframework.beans.factory.annotation.Autowired SharedReads shared;

    static final List<Integer> UNITS = List.of(8, 16, 32);
    static final List<String> ACTIVATIONS = List.of("relu", "tanh");
    static final List<Boolean> BATCH_NORM = List.of(true, false);

    static Map<String, Object> grid3x2x2(String name) {
        Map<String, Object> space = new LinkedHashMap<>();
        // JSON key order deliberately differs from the canonical order (hiddenUnits, activation, batchNorm).
        space.put("batchNorm", Map.of("choice", BATCH_NORM));
        space.put("hiddenUnits", Map.of("choice", UNITS));
        space.put("activation", Map.of("choice", ACTIVATIONS));
        space.put("epochs", 3);
        return new LinkedHashMap<>(Map.of("name", name, "dataset", "iris", "strategy", "grid", "seed", 7,
                "space", space));
    }

    List<JsonNode> allTrials(long searchId) {
        Http.Response r = http.get("/api/searches/" + searchId + "/trials?sort=number&dir=asc&size=200");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        r.json().get("items").forEach(rows::add);
        return rows;
    }

    /**
     * Creates the given searches' trials: a search stores its trials planned and claims create them, so the
     * test claims them all (every other running search cancelled first) and hands them back to the queue.
     */
    void createTrials(long... searchIds) {
        Set<Long> keep = new HashSet<>();
        for (long id : searchIds) {
            keep.add(id);
        }
        for (Long id : jdbc.queryForList("SELECT id FROM search WHERE status = 'RUNNING'", Long.class)) {
            if (!keep.contains(id)) {
                lifecycle.cancel(id);
            }
        }
        List<ClaimedTrial> held = new ArrayList<>();
        Optional<ClaimedTrial> c;
        while ((c = queue.claim("creator", Duration.ofMinutes(5))).isPresent()) {
            held.add(c.get());
        }
        held.forEach(h -> assertThat(queue.release(h.lease())).isTrue());
        // claimed and handed back behind the service's API: the pages it shares (up to ~1 s old while a search
        // runs) are dropped, as a search's change of status drops them
        keep.forEach(shared::forget);
    }

    @Test
    void aGridOf3x2x2RunsTwelveDistinctTrialsInGridIndexOrder() {
        Http.Response created = http.postJson("/api/searches", grid3x2x2("grid"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode summary = created.json();
        assertThat(summary.get("status").asString()).isEqualTo("RUNNING");
        assertThat(summary.get("strategy").asString()).isEqualTo("grid");
        assertThat(summary.get("progress").get("total").asLong()).isEqualTo(12);
        assertThat(summary.get("progress").get("queued").asLong()).isEqualTo(12);
        assertThat(summary.get("best").isNull()).isTrue();
        assertThat(created.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/api/searches/" + summary.get("id").asLong()));

        // Planned, not created: claims create each trial with its grid point.
        assertThat(allTrials(summary.get("id").asLong())).isEmpty();
        createTrials(summary.get("id").asLong());
        List<JsonNode> trials = allTrials(summary.get("id").asLong());
        assertThat(trials).hasSize(12);
        Set<JsonNode> distinct = new HashSet<>();
        for (int k = 0; k < 12; k++) {
            JsonNode t = trials.get(k);
            assertThat(t.get("number").asInt()).isEqualTo(k);
            assertThat(t.get("status").asString()).isEqualTo("QUEUED");
            JsonNode p = t.get("params");
            // Mixed radix over the canonical order, the last parameter varying fastest.
            assertThat(p.get("hiddenUnits").asInt()).isEqualTo(UNITS.get(k / 4));
            assertThat(p.get("activation").asString()).isEqualTo(ACTIVATIONS.get(k / 2 % 2));
            assertThat(p.get("batchNorm").asBoolean()).isEqualTo(BATCH_NORM.get(k % 2));
            assertThat(p.get("epochs").asInt()).isEqualTo(3);
            distinct.add(p);
        }
        assertThat(distinct).hasSize(12);
    }

    @Test
    void aSeededRandomSearchSubmittedTwiceHasIdenticalParameters() {
        Map<String, Object> space = Map.of(
                "learningRate", Map.of("floatRange", Map.of("min", 1e-4, "max", 1e-1, "log", true)),
                "hiddenUnits", Map.of("intRange", Map.of("min", 4, "max", 64)),
                "activation", Map.of("choice", List.of("relu", "tanh", "elu")), "epochs", 2);
        long a = submit(randomSpec("random-a", 8, 1234, space));
        long b = submit(randomSpec("random-b", 8, 1234, space));
        createTrials(a, b);
        List<JsonNode> first = allTrials(a).stream().map(t -> t.get("params")).toList();
        List<JsonNode> second = allTrials(b).stream().map(t -> t.get("params")).toList();
        assertThat(first).hasSize(8).isEqualTo(second);
        assertThat(new HashSet<>(first)).hasSizeGreaterThan(1);

        long other = submit(randomSpec("random-c", 8, 4321, space));
        createTrials(other);
        assertThat(allTrials(other).stream().map(t -> t.get("params")).toList()).isNotEqualTo(first);
    }

    @Test
    void withoutASeedOneIsDrawnAndStoredSoTheStoredSpecReplays() {
        Map<String, Object> spec = randomSpec("unseeded", 5, 0, Map.of("hiddenUnits", Map.of("intRange",
                Map.of("min", 1, "max", 1000)), "epochs", 2));
        spec.remove("seed");
        long id = submit(spec);
        JsonNode detail = http.get("/api/searches/" + id).json();
        assertThat(detail.get("id").asLong()).isEqualTo(id);
        JsonNode stored = detail.get("spec");
        assertThat(stored.get("seed").isIntegralNumber()).isTrue();
        assertThat(stored.get("strategy").asString()).isEqualTo("random");
        assertThat(stored.get("validationFraction").asDouble()).isEqualTo(0.2);
        assertThat(stored.get("space").get("precision").asString()).as("the default named").isEqualTo("float32");

        Http.Response replay = http.postJson("/api/searches", Http.JSON.writeValueAsString(stored));
        assertThat(replay.status()).as(replay.toString()).isEqualTo(201);
        createTrials(id, replay.json().get("id").asLong());
        assertThat(allTrials(replay.json().get("id").asLong()).stream().map(t -> t.get("params")).toList())
                .isEqualTo(allTrials(id).stream().map(t -> t.get("params")).toList());
    }

    @Test
    void theDetailSaysWhichParametersTheSpaceVariesAndOnWhatAxis() {
        Map<String, Object> spec = randomSpec("axes", 2, 5, Map.of(
                "learningRate", Map.of("floatRange", Map.of("min", 1e-4, "max", 1e-1, "log", true)),
                "hiddenUnits", Map.of("intRange", Map.of("min", 4, "max", 64)),
                "batchSize", Map.of("choice", List.of(1, 1000)),
                "activation", Map.of("choice", List.of("relu", "tanh")),
                "optimizer", Map.of("choice", List.of("sgd")), "epochs", 2));
        JsonNode detail = http.get("/api/searches/" + submit(spec)).json();
        JsonNode parameters = detail.get("parameters");
        List<String> names = new ArrayList<>();
        Map<String, JsonNode> by = new LinkedHashMap<>();
        parameters.forEach(p -> {
            names.add(p.get("name").asString());
            by.put(p.get("name").asString(), p);
        });
        assertThat(names).as("every catalogue parameter in the space, in canonical order")
                .containsExactlyElementsOf(dev.hypersearch.search.TestParams.requiredNames());
        assertThat(by.get("learningRate").get("varying").asBoolean()).isTrue();
        assertThat(by.get("learningRate").get("axis").asString()).isEqualTo("log");
        assertThat(by.get("learningRate").get("fixed").isNull()).isTrue();
        assertThat(by.get("hiddenUnits").get("axis").asString()).isEqualTo("value");
        assertThat(by.get("batchSize").get("axis").asString()).as("a choice spanning 1000x").isEqualTo("log");
        assertThat(by.get("activation").get("axis").asString()).isEqualTo("category");
        assertThat(by.get("activation").get("categories").valueStream().map(JsonNode::asString).toList())
                .containsExactly("relu", "tanh");
        assertThat(by.get("optimizer").get("varying").asBoolean()).as("a choice of one").isFalse();
        assertThat(by.get("optimizer").get("fixed").asString()).isEqualTo("sgd");
        assertThat(by.get("epochs").get("varying").asBoolean()).isFalse();
        assertThat(by.get("epochs").get("fixed").asInt()).isEqualTo(2);
        assertThat(by.get("momentum").get("fixed").asDouble()).as("left out: its default").isEqualTo(0.9);
        assertThat(by.get("momentum").get("categories").isNull()).isTrue();
        assertThat(by.get("momentum").get("notApplicable").asString()).as("optimizer is fixed to sgd")
                .isEqualTo("optimizer is momentum");
        assertThat(by.get("learningRate").get("notApplicable").isNull()).isTrue();
        assertThat(by.get("leakySlope").get("notApplicable").asString()).isEqualTo("activation is leaky_relu");
        assertThat(detail.get("rungEpochs")).as("no pruner").isEmpty();
    }

    @Test
    void previewCountsTrialsAndEpochsAndCreatesNothing() {
        long searches = count("search");
        long trials = count("trial");
        Http.Response r = http.postJson("/api/searches/preview", grid3x2x2("preview"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode p = r.json();
        assertThat(p.get("trialCount").asLong()).isEqualTo(12);
        assertThat(p.get("totalEpochs").asLong()).isEqualTo(12 * 3);
        assertThat(p.get("firstTrials")).hasSize(10);
        assertThat(p.get("firstTrials").get(9).get("number").asInt()).isEqualTo(9);
        assertThat(p.get("firstTrials").get(0).get("params").get("hiddenUnits").asInt()).isEqualTo(8);
        assertThat(count("search")).isEqualTo(searches);
        assertThat(count("trial")).isEqualTo(trials);
    }

    @Test
    void theListShowsNewestFirstWithProgressAndPages() {
        long older = submit(randomSpec("list-older", 3, 1, Map.of("epochs", 1)));
        long newer = submit(randomSpec("list-newer", 4, 1, Map.of("epochs", 1)));
        Http.Response list = http.get("/api/searches?page=0&size=2");
        assertThat(list.contentType()).as("kept as JSON bytes, still sent as JSON").isEqualTo("application/json");
        JsonNode page = list.json();
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("items").get(0).get("id").asLong()).isEqualTo(newer);
        assertThat(page.get("items").get(1).get("id").asLong()).isEqualTo(older);
        JsonNode progress = page.get("items").get(0).get("progress");
        assertThat(progress.get("total").asLong()).isEqualTo(4);
        assertThat(progress.get("byStatus").get("QUEUED").asLong()).isEqualTo(4);
        assertThat(progress.get("byStatus").get("COMPLETED").asLong()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(2);
        assertThat(page.get("totalElements").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page.get("totalPages").asInt()).isEqualTo((int) Math.ceil(page.get("totalElements").asLong() / 2.0));

        Http.Response tooBig = http.get("/api/searches?size=201");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(fields(tooBig)).containsExactly("size");
    }

    @Test
    void unknownIdsAre404ProblemDetails() {
        for (String path : List.of("/api/searches/999999", "/api/searches/999999/trials",
                "/api/searches/999999/trials.csv", "/api/trials/999999", "/api/searches/999999/events",
                "/api/datasets/no-such-set")) {
            Http.Response r = http.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.contentType()).as(path).startsWith("application/problem+json");
            assertThat(r.json().get("status").asInt()).isEqualTo(404);
        }
        Http.Response cancel = http.post("/api/searches/999999/cancel");
        assertThat(cancel.status()).isEqualTo(404);
    }

    @Test
    void openApiDocumentsTheSearchEndpointsAndSwaggerUiIsServed() {
        Http.Response docs = http.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.has("/api/searches")).isTrue();
        assertThat(paths.has("/api/searches/{id}/trials")).isTrue();
        assertThat(paths.has("/api/datasets")).isTrue();
        assertThat(docs.json().get("info").get("title").asString()).isEqualTo("Hypersearch API");
        Http.Response ui = http.send(java.net.http.HttpRequest.newBuilder(http.uri("/swagger-ui.html")).GET().build());
        assertThat(ui.status()).isIn(200, 302);
    }
}
