package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad submissions: each answered 400 problem+json naming the field (413, 415 by size and type), and nothing written. */
class BadRequestIT extends ApiIT {

    /** A valid random search; each case swaps one fragment of it for a bad one. */
    static String spec(String top, String space) {
        return "{\"name\": \"bad\", \"dataset\": \"iris\", \"strategy\": \"random\", \"maxTrials\": 3, \"seed\": 1"
                + (top.isEmpty() ? "" : ", " + top) + ", \"space\": {\"epochs\": 2" + (space.isEmpty() ? "" : ", " + space) + "}}";
    }

    static String grid(String space) {
        return "{\"name\": \"bad\", \"dataset\": \"iris\", \"strategy\": \"grid\", \"seed\": 1, \"space\": {" + space + "}}";
    }

    /** Bad values of the core fields: name, dataset, strategy, caps, the space and its distributions, JSON. */
    static Stream<Arguments> badBodies() {
        String big = "{\"intRange\": {\"min\": 1, \"max\": 10000}}";
        String pts = "{\"floatRange\": {\"min\": 0.001, \"max\": 0.5, \"points\": 10000}}";
        return Stream.of(
                Arguments.of("unknown field", spec("\"colour\": \"red\"", ""), "colour"),
                Arguments.of("unknown parameter", spec("", "\"learnRate\": 0.1"), "space.learnRate"),
                Arguments.of("NaN token", spec("", "\"learningRate\": NaN"), "space.learningRate"),
                Arguments.of("Infinity token", spec("", "\"l2\": Infinity"), "space.l2"),
                Arguments.of("infinite number 1e999", spec("", "\"learningRate\": 1e999"), "space.learningRate"),
                Arguments.of("min > max", spec("", "\"learningRate\": {\"floatRange\": {\"min\": 0.1, \"max\": 0.01}}"),
                        "space.learningRate.floatRange.min"),
                Arguments.of("empty choice", spec("", "\"hiddenUnits\": {\"choice\": []}"), "space.hiddenUnits.choice"),
                Arguments.of("unknown activation", spec("", "\"activation\": \"relux\""), "space.activation"),
                Arguments.of("step activation", spec("", "\"activation\": {\"choice\": [\"relu\", \"step\"]}"),
                        "space.activation.choice[1]"),
                Arguments.of("unknown precision", spec("", "\"precision\": \"float16\""), "space.precision"),
                Arguments.of("precision of the wrong type", spec("", "\"precision\": 32"), "space.precision"),
                Arguments.of("unknown dataset", spec("", "").replace("\"iris\"", "\"no-such-set\""), "dataset"),
                Arguments.of("hiddenUnits 5000", spec("", "\"hiddenUnits\": 5000"), "space.hiddenUnits"),
                Arguments.of("hiddenLayers 17", spec("", "\"hiddenLayers\": 17"), "space.hiddenLayers"),
                Arguments.of("epochs 20000", spec("", "").replace("\"epochs\": 2", "\"epochs\": 20000"), "space.epochs"),
                Arguments.of("batchSize 0", spec("", "\"batchSize\": 0"), "space.batchSize"),
                Arguments.of("validationFraction 0", spec("\"validationFraction\": 0", ""), "validationFraction"),
                Arguments.of("validationFraction 0.95", spec("\"validationFraction\": 0.95", ""), "validationFraction"),
                Arguments.of("grid over the cap", grid("\"hiddenUnits\": {\"intRange\": {\"min\": 1, \"max\": 4096}},"
                        + " \"learningRate\": " + pts), "space"),
                Arguments.of("grid overflowing a long", grid("\"epochs\": " + big + ", \"batchSize\": " + big
                        + ", \"hiddenUnits\": {\"intRange\": {\"min\": 1, \"max\": 4096}}, \"learningRate\": " + pts
                        + ", \"l2\": " + pts + ", \"momentum\": " + pts.replace("0.5", "0.9") + ", \"beta1\": "
                        + pts.replace("0.5", "0.9")), "space"),
                Arguments.of("grid range without points", grid("\"learningRate\": {\"floatRange\": {\"min\": 0.001, \"max\": 0.1}}"),
                        "space.learningRate.floatRange.points"),
                Arguments.of("maxTrials over the cap", spec("", "").replace("\"maxTrials\": 3", "\"maxTrials\": 10001"), "maxTrials"),
                Arguments.of("random without maxTrials", spec("", "").replace("\"maxTrials\": 3, ", ""), "maxTrials"),
                Arguments.of("wrong JSON type for maxTrials", spec("", "").replace("\"maxTrials\": 3", "\"maxTrials\": \"three\""),
                        "maxTrials"),
                Arguments.of("wrong JSON type for space", "{\"name\": \"bad\", \"dataset\": \"iris\", \"strategy\": \"random\","
                        + " \"maxTrials\": 3, \"space\": [1, 2]}", "space"),
                Arguments.of("wrong JSON type for the body", "[1, 2, 3]", "$"),
                Arguments.of("malformed JSON", "{\"name\": \"bad\", \"dataset\": }", "dataset"),
                Arguments.of("truncated JSON", "{\"name\": \"bad\", \"space\": {\"epochs\": 2", "space.epochs"),
                Arguments.of("unknown strategy", spec("", "").replace("\"random\"", "\"grdi\""), "strategy"),
                Arguments.of("missing name", spec("", "").replace("\"name\": \"bad\", ", ""), "name"),
                Arguments.of("intRange for a float", spec("", "\"learningRate\": {\"intRange\": {\"min\": 1, \"max\": 2}}"),
                        "space.learningRate.intRange"),
                Arguments.of("log range from 0", spec("", "\"l2\": {\"floatRange\": {\"min\": 0, \"max\": 0.1, \"log\": true}}"),
                        "space.l2.floatRange.min"),
                Arguments.of("duplicate choice", spec("", "\"hiddenUnits\": {\"choice\": [8, 8]}"), "space.hiddenUnits.choice[1]"),
                Arguments.of("seed not an integer", spec("", "").replace("\"seed\": 1", "\"seed\": 1.5"), "seed"),
                Arguments.of("duplicate key", spec("", "").replace("\"seed\": 1", "\"seed\": 1, \"seed\": 2"), "seed"),
                Arguments.of("1,201-digit number in the space", spec("", "").replace("\"epochs\": 2",
                        "\"epochs\": " + "1".repeat(1201)), "space.epochs"),
                Arguments.of("1,201-digit seed", spec("", "").replace("\"seed\": 1", "\"seed\": " + "9".repeat(1201)), "seed"),
                Arguments.of("1,201-digit fraction", spec("\"validationFraction\": 0." + "1".repeat(1200), ""),
                        "validationFraction"),
                Arguments.of("empty body", "", "$"));
    }

    /** A valid coarse-to-fine search with {@code coarseToFine} swapped for the given JSON. */
    static String coarseToFine(String settings) {
        return spec(settings.isEmpty() ? "" : "\"coarseToFine\": " + settings, "")
                .replace("\"random\", \"maxTrials\": 3", "\"coarse-to-fine\"");
    }

    /** Bad values of the optional fields: pruner, validation, coarseToFine, sanityCheck. */
    static Stream<Arguments> badOptionalFields() {
        return Stream.of(
                Arguments.of("unknown pruner", spec("\"pruner\": \"hyperband\"", ""), "pruner"),
                Arguments.of("pruner of the wrong type", spec("\"pruner\": 3", ""), "pruner"),
                Arguments.of("two pruners", spec("\"pruner\": {\"asha\": {}, \"median\": {}}", ""), "pruner"),
                Arguments.of("asha eta 1", spec("\"pruner\": {\"asha\": {\"eta\": 1}}", ""), "pruner.asha.eta"),
                Arguments.of("asha eta 2.5", spec("\"pruner\": {\"asha\": {\"eta\": 2.5}}", ""), "pruner.asha.eta"),
                Arguments.of("asha minEpochs 0", spec("\"pruner\": {\"asha\": {\"minEpochs\": 0}}", ""),
                        "pruner.asha.minEpochs"),
                Arguments.of("asha minEpochs past the epochs", spec("\"pruner\": {\"asha\": {\"minEpochs\": 2}}", ""),
                        "pruner.asha.minEpochs"),
                Arguments.of("asha unknown setting", spec("\"pruner\": {\"asha\": {\"rate\": 3}}", ""),
                        "pruner.asha.rate"),
                Arguments.of("median warmupEpochs -1", spec("\"pruner\": {\"median\": {\"warmupEpochs\": -1}}", ""),
                        "pruner.median.warmupEpochs"),
                Arguments.of("median startupTrials 0", spec("\"pruner\": {\"median\": {\"startupTrials\": 0}}", ""),
                        "pruner.median.startupTrials"),
                Arguments.of("folds 1", spec("\"validation\": {\"folds\": 1}", ""), "validation.folds"),
                Arguments.of("folds 21", spec("\"validation\": {\"folds\": 21}", ""), "validation.folds"),
                Arguments.of("folds not a number", spec("\"validation\": {\"folds\": \"three\"}", ""),
                        "validation.folds"),
                Arguments.of("folds missing", spec("\"validation\": {}", ""), "validation.folds"),
                Arguments.of("validation not an object", spec("\"validation\": 3", ""), "validation"),
                Arguments.of("folds and a holdout fraction",
                        spec("\"validation\": {\"folds\": 3}, \"validationFraction\": 0.2", ""), "validation"),
                Arguments.of("unknown validation setting", spec("\"validation\": {\"folds\": 3, \"shuffle\": true}", ""),
                        "validation.shuffle"),
                Arguments.of("coarseToFine without its strategy",
                        spec("\"coarseToFine\": {\"trialsPerStage\": 2}", ""), "coarseToFine"),
                Arguments.of("coarse-to-fine without coarseToFine", coarseToFine(""), "coarseToFine"),
                Arguments.of("coarseToFine not an object", coarseToFine("[2, 3]"), "coarseToFine"),
                Arguments.of("one stage", coarseToFine("{\"stages\": 1, \"trialsPerStage\": 2}"),
                        "coarseToFine.stages"),
                Arguments.of("trialsPerStage missing", coarseToFine("{\"stages\": 2}"), "coarseToFine.trialsPerStage"),
                Arguments.of("trialsPerStage 0", coarseToFine("{\"trialsPerStage\": 0}"), "coarseToFine.trialsPerStage"),
                Arguments.of("topFraction 0", coarseToFine("{\"trialsPerStage\": 2, \"topFraction\": 0}"),
                        "coarseToFine.topFraction"),
                Arguments.of("topFraction 1.5", coarseToFine("{\"trialsPerStage\": 2, \"topFraction\": 1.5}"),
                        "coarseToFine.topFraction"),
                Arguments.of("coarse-to-fine over the trial cap",
                        coarseToFine("{\"stages\": 100, \"trialsPerStage\": 101}"), "coarseToFine"),
                Arguments.of("maxTrials not stages x trialsPerStage",
                        coarseToFine("{\"stages\": 2, \"trialsPerStage\": 2}, \"maxTrials\": 5"), "maxTrials"),
                Arguments.of("sanityCheck not a boolean", spec("\"sanityCheck\": \"yes\"", ""), "sanityCheck"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"badBodies", "badOptionalFields"})
    void badSpecsAre400ProblemsNamingTheFieldAndWriteNothing(String label, String body, String field) {
        assertRejectedNamingField(label, body, field);
    }

    /** However many errors a body holds, the answer lists the first 50 and counts the rest: bounded, not 17x the request. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"space", "top"})
    void sixtyThousandUnknownKeysAnswerACappedList(String where) {
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < 60_000; i++) {
            keys.append(i == 0 ? "" : ", ").append("\"k").append(i).append("\": 1");
        }
        String body = where.equals("space") ? spec("", keys.toString()) : spec(keys.toString(), "");
        Http.Response r = http.postJson("/api/searches", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").size()).isEqualTo(ApiExceptionHandler.MAX_ERRORS);
        assertThat(r.json().get("moreErrors").asInt()).isEqualTo(60_000 - ApiExceptionHandler.MAX_ERRORS);
        assertThat(r.json().get("detail").asString()).endsWith("(and 59999 more)");
        assertThat(r.body().length()).as("answer size").isLessThan(16_000);
    }

    @Test
    void aBodyOverOneMegabyteIs413() {
        long searches = count("search");
        String padding = "x".repeat(SearchBodyLimitFilter.MAX_BYTES);
        Http.Response r = http.postJson("/api/searches", spec("\"name\": \"" + padding + "\"", ""));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(413);
        assertThat(count("search")).isEqualTo(searches);
    }

    @Test
    void aChunkedBodyOverOneMegabyteIs413Too() {
        byte[] body = spec("\"name\": \"" + "y".repeat(SearchBodyLimitFilter.MAX_BYTES) + "\"", "").getBytes();
        // An InputStream publisher has no length, so the client sends the body chunked.
        HttpRequest request = HttpRequest.newBuilder(http.uri("/api/searches"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        Http.Response r = http.send(request);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void otherMediaTypesAre415() {
        Http.Response r = http.post("/api/searches", "text/plain", spec("", "").getBytes());
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void badLeaderboardParametersAre400NamingThem() {
        Http.Response created = http.postJson("/api/searches", spec("", ""));
        long id = created.json().get("id").asLong();
        assertThat(fields(http.get("/api/searches/" + id + "/trials?sort=params"))).containsExactly("sort");
        assertThat(fields(http.get("/api/searches/" + id + "/trials?dir=up"))).containsExactly("dir");
        assertThat(fields(http.get("/api/searches/" + id + "/trials?status=DONE"))).containsExactly("status");
        assertThat(fields(http.get("/api/searches/" + id + "/trials?size=500"))).containsExactly("size");
        assertThat(fields(http.get("/api/searches/" + id + "/trials?page=-1"))).containsExactly("page");
        assertThat(http.get("/api/searches/" + id + "/trials?page=" + (Integer.MAX_VALUE / 200) + "&size=200")
                .status()).isEqualTo(200);
        assertThat(http.get("/api/searches/abc").status()).isEqualTo(400);
    }

    /** Every offset-paged listing: a page whose first row lies past an int offset is the client's error. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/searches?", "/api/searches/1/trials?"})
    void pagesWhoseOffsetOverflowsAre400NamingPage(String listing) {
        http.postJson("/api/searches", spec("", ""));
        for (String query : new String[] {"page=2147483647&size=200", "page=10737419&size=200", "page=2147483647&size=2"}) {
            Http.Response r = http.get(listing + query);
            assertThat(r.status()).as(query + ": " + r).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(fields(r)).containsExactly("page");
        }
    }

    @Test
    void aMultipartUploadWithoutABoundaryIs400NamingTheContentType() {
        long datasets = count("dataset");
        Multipart form = new Multipart().file("file", "x.csv", "x,label\n1,a\n".getBytes(StandardCharsets.UTF_8))
                .field("name", "no-boundary");
        Http.Response r = http.post("/api/datasets", "multipart/form-data", form.bytes());
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(fields(r)).containsExactly("Content-Type");
        Http.Response garbled = http.post("/api/datasets", "multipart/form-data; boundary=zzz", form.bytes());
        assertThat(garbled.status()).as(garbled.toString()).isEqualTo(400);
        assertThat(count("dataset")).isEqualTo(datasets);
    }

    @Test
    void moreFoldsThanTheSmallestClassHasRowsIs400NamingValidationFolds() {
        StringBuilder csv = new StringBuilder("x,label\n");
        for (int i = 0; i < 30; i++) {
            csv.append(i).append(',').append(i < 3 ? "rare" : i % 2 == 0 ? "a" : "b").append('\n');
        }
        Multipart form = new Multipart().file("file", "rare.csv", csv.toString().getBytes(StandardCharsets.UTF_8))
                .field("name", "rare-class").field("labelColumn", "label");
        assertThat(http.post("/api/datasets", form.contentType(), form.bytes()).status()).isEqualTo(201);
        String body = spec("\"validation\": {\"folds\": 4}", "").replace("\"iris\"", "\"rare-class\"");
        assertRejectedNamingField("4 folds, a class of 3 rows", body, "validation.folds");
        Http.Response r = http.postJson("/api/searches/preview", body);
        assertThat(r.json().get("detail").asString()).contains("'rare' has 3 rows");
        assertThat(http.postJson("/api/searches/preview", body.replace("\"folds\": 4", "\"folds\": 3")).status())
                .isEqualTo(200);
    }
}
