package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a stored string may hold is decided by validation, not by the database: the same 400 naming the
 * field on H2 and PostgreSQL (which refuses NUL and turns a lone surrogate into '?').
 */
abstract class StoredTextContract extends ApiIT {

    /** JSON escapes, so that the body carries exactly these characters. */
    static Stream<Arguments> unstorableSpecs() {
        String spec = BadRequestIT.spec("", "");
        return Stream.of(
                Arguments.of("NUL in the name", spec.replace("\"bad\"", "\"a\\u0000b\""), "name"),
                Arguments.of("lone surrogate in the name", spec.replace("\"bad\"", "\"a\\ud800b\""), "name"),
                Arguments.of("bell in the name", spec.replace("\"bad\"", "\"a\\u0007b\""), "name"),
                Arguments.of("newline in the name", spec.replace("\"bad\"", "\"a\\nb\""), "name"),
                Arguments.of("name of 201 characters", spec.replace("\"bad\"", "\"" + "n".repeat(201) + "\""), "name"),
                Arguments.of("NUL in the dataset", spec.replace("\"iris\"", "\"iris\\u0000\""), "dataset"),
                Arguments.of("lone surrogate in the dataset", spec.replace("\"iris\"", "\"iris\\udc00\""), "dataset"),
                Arguments.of("dataset of 101 characters", spec.replace("\"iris\"", "\"" + "d".repeat(101) + "\""),
                        "dataset"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unstorableSpecs")
    void unstorableTextInASpecIs400NamingTheField(String label, String body, String field) {
        assertRejectedNamingField(label, body, field);
    }

    @Test
    void printableUnicodeRoundTrips() {
        String name = "naïve 日本 \uD83D\uDE00 search";
        Http.Response r = http.postJson("/api/searches", randomSpec(name, 1, 1, java.util.Map.of("epochs", 1)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(http.get("/api/searches/" + r.json().get("id").asLong()).json().get("name")
                .asString()).isEqualTo(name);
    }

    static String csv(String header) {
        StringBuilder csv = new StringBuilder(header).append('\n');
        for (int i = 0; i < 20; i++) {
            csv.append(i).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        return csv.toString();
    }

    Http.Response upload(String name, String csv, String labelColumn) {
        Multipart form = new Multipart().file("file", "t.csv", csv.getBytes(StandardCharsets.UTF_8)).field("name", name);
        if (labelColumn != null) {
            form.field("labelColumn", labelColumn);
        }
        return http.post("/api/datasets", form.contentType(), form.bytes());
    }

    @Test
    void unstorableTextInAnUploadIs400NamingTheField() {
        long before = count("dataset");
        assertThat(fields(upload("nul-column", csv("x,\"la\u0000bel\""), null))).containsExactly("file");
        assertThat(fields(upload("bell-column", csv("x\u0007,label"), null))).containsExactly("file");
        assertThat(fields(upload("nul-label", csv("x,label"), "lab\u0000el"))).containsExactly("labelColumn");
        assertThat(fields(upload("nul\u0000name", csv("x,label"), null))).containsExactly("name");
        assertThat(count("dataset")).isEqualTo(before);
        assertThat(http.get("/api/datasets/a%00b").status()).isIn(400, 404);
    }

    @Test
    void onlyAUniqueNameConflictIs409() {
        assertThat(upload("unique-once", csv("x,label"), null).status()).isEqualTo(201);
        Http.Response again = upload("unique-once", csv("x,label"), null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
    }
}
