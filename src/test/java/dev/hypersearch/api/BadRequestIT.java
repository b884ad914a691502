package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad submissions: each answered 400 problem+json naming the field, and nothing written. */
class BadRequestIT extends ApiIT {

    /** A valid random search; each case swaps one fragment of it for a bad one. */
    static String spec(String top, String space) {
        return "{\"name\": \"bad\", \"dataset\": \"iris\", \"strategy\": \"random\", \"maxTrials\": 3, \"seed\": 1"
                + (top.isEmpty() ? "" : ", " + top) + ", \"space\": {\"epochs\": 2" + (space.isEmpty() ? "" : ", " + space) + "}}";
    }

    static String grid(String space) {
        return "{\"name\": \"bad\", \"dataset\": \"iris\", \"strategy\": \"grid\", \"seed\": 1, \"space\": {" + space + "}}";
    }

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
                Arguments.of("empty body", "", "$"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void badSpecsAre400ProblemsNamingTheFieldAndWriteNothing(String label, String body, String field) {
        assertRejectedNamingField(label, body, field);
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
        assertThat(http.get("/api/searches/abc").status()).isEqualTo(400);
    }
}
