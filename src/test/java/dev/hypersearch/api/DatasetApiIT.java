package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.data.ingest.MessyFiles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DatasetApiIT extends ApiIT {

    /** Two separable blobs: 20 rows, 2 features, label in the middle column. */
    static String blobs() {
        StringBuilder csv = new StringBuilder("x,kind,y\n");
        for (int i = 0; i < 20; i++) {
            boolean a = i % 2 == 0;
            csv.append(a ? 1 + i * 0.01 : -1 - i * 0.01).append(',').append(a ? "a" : "b").append(',')
                    .append(a ? 2 : -2).append('\n');
        }
        return csv.toString();
    }

    Http.Response upload(String name, String csv, String... fields) {
        Multipart form = new Multipart().file("file", name + ".csv", csv.getBytes(StandardCharsets.UTF_8))
                .field("name", name);
        for (int i = 0; i < fields.length; i += 2) {
            form.field(fields[i], fields[i + 1]);
        }
        return http.post("/api/datasets", form.contentType(), form.bytes());
    }

    List<String> names() {
        List<String> names = new ArrayList<>();
        http.get("/api/datasets").json().forEach(d -> names.add(d.get("name").asString()));
        return names;
    }

    @Test
    void builtInSetsAreListedWithTheirShape() {
        JsonNode list = http.get("/api/datasets").json();
        JsonNode iris = null;
        for (JsonNode d : list) {
            if (d.get("name").asString().equals("iris")) {
                iris = d;
            }
        }
        assertThat(iris).isNotNull();
        assertThat(iris.get("builtin").asBoolean()).isTrue();
        assertThat(iris.get("task").asString()).isEqualTo("classification");
        assertThat(iris.get("rows").asInt()).isEqualTo(150);
        assertThat(iris.get("features").asInt()).isEqualTo(4);
        assertThat(iris.get("classes").asInt()).isEqualTo(3);
    }

    @Test
    void aGoodUploadIsListedAndUsableInASearch() {
        Http.Response r = upload("blobs", blobs(), "labelColumn", "kind");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/datasets/blobs"));
        JsonNode info = r.json();
        assertThat(info.get("builtin").asBoolean()).isFalse();
        assertThat(info.get("rows").asInt()).isEqualTo(20);
        assertThat(info.get("features").asInt()).isEqualTo(2);
        assertThat(info.get("classes").asInt()).isEqualTo(2);
        assertThat(names()).contains("blobs", "iris");
        assertThat(http.get("/api/datasets/blobs").json().get("rows").asInt()).isEqualTo(20);

        Map<String, Object> spec = randomSpec("on-blobs", 2, 1, Map.of("epochs", 2));
        spec.put("dataset", "blobs");
        assertThat(http.postJson("/api/searches", spec).status()).isEqualTo(201);
    }

    @Test
    void aRegressionUpload() {
        Http.Response r = upload("blobs-regression", blobs().replace(",a,", ",1.5,").replace(",b,", ",-0.5,"),
                "labelColumn", "kind", "task", "regression");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("task").asString()).isEqualTo("regression");
        assertThat(r.json().get("classes").isNull()).isTrue();
    }

    /** A cell that is not a number no longer refuses the file (the column becomes categorical); a ragged row does. */
    @Test
    void aBadCsvIs400NamingLineAndColumnAndStoresNothing() {
        long before = count("dataset");
        String csv = blobs();
        String[] lines = csv.split("\n");
        lines[4] = "1.0,a,2,oops"; // physical line 5 (the header is line 1)
        Http.Response r = upload("broken", String.join("\n", lines) + "\n", "labelColumn", "kind");
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("line").asInt()).isEqualTo(5);
        assertThat(p.get("column").asString()).isEqualTo("y");
        assertThat(p.get("detail").asString()).contains("line 5").contains("extra cells");
        assertThat(count("dataset")).isEqualTo(before);
        assertThat(names()).doesNotContain("broken");
    }

    @Test
    void aNonNumericFeatureIsNowACategoricalColumn() {
        String[] lines = blobs().split("\n");
        lines[4] = "1.0,a,oops";
        Http.Response r = upload("was-refused", String.join("\n", lines) + "\n", "labelColumn", "kind");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode y = column(r.json(), "y");
        assertThat(y.get("type").asString()).isEqualTo("categorical");
        assertThat(y.get("distinct").asInt()).isEqualTo(3);
    }

    static JsonNode column(JsonNode info, String name) {
        for (JsonNode c : info.get("columns")) {
            if (c.get("name").asString().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no column " + name + " in " + info);
    }

    Http.Response uploadBytes(String name, byte[] file, String... fields) {
        Multipart form = new Multipart().file("file", name + ".csv", file).field("name", name);
        for (int i = 0; i < fields.length; i += 2) {
            form.field(fields[i], fields[i + 1]);
        }
        return http.post("/api/datasets", form.contentType(), form.bytes());
    }

    @Test
    void aMessyExportIsProfiledByADryRunThenSavedWithOverrides() {
        long before = count("dataset");
        byte[] messy = MessyFiles.gzip(MessyFiles.withBom(MessyFiles.customers(';')));
        Http.Response dry = uploadBytes("customers", messy, "dryRun", "true");
        assertThat(dry.status()).as(dry.toString()).isEqualTo(200);
        assertThat(count("dataset")).isEqualTo(before);
        JsonNode profile = dry.json();
        assertThat(profile.get("label").asString()).isEqualTo("churn");
        assertThat(profile.get("task").asString()).isEqualTo("classification");
        assertThat(profile.get("rows").asInt()).isEqualTo(30);
        assertThat(profile.get("droppedRows").asInt()).isEqualTo(2);
        assertThat(profile.get("classNames").toString()).isEqualTo("[\"churned\",\"stayed\"]");
        JsonNode id = column(profile, "customer_id");
        assertThat(id.get("role").asString()).isEqualTo("ignored");
        assertThat(id.get("ignoredReason").asString()).isEqualTo("identifier");
        assertThat(column(profile, "signup").get("type").asString()).isEqualTo("date");
        assertThat(column(profile, "signup").get("dateFormat").asString()).isEqualTo("yyyy-MM-dd");
        assertThat(column(profile, "age").get("missing").asInt()).isEqualTo(7);
        assertThat(column(profile, "note").get("ignoredReason").asString()).isEqualTo("free_text");

        Http.Response saved = uploadBytes("customers", messy,
                "columns", "[{\"name\":\"city\",\"role\":\"ignored\"},{\"name\":\"age\",\"type\":\"categorical\"}]");
        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
        JsonNode got = http.get("/api/datasets/customers").json();
        assertThat(column(got, "city").get("ignoredReason").asString()).isEqualTo("user");
        assertThat(column(got, "age").get("type").asString()).isEqualTo("categorical");
        assertThat(got.get("features").asInt()).isEqualTo(3); // age, signup, member
        assertThat(got.get("columns").size()).isEqualTo(8);

        Map<String, Object> spec = randomSpec("on-customers", 2, 1, Map.of("epochs", 2));
        spec.put("dataset", "customers");
        Http.Response search = http.postJson("/api/searches", spec);
        // accepted now that the preprocessing trains such tables (MixedTableSearchIT trains one end to end)
        assertThat(search.status()).as(search.toString()).isEqualTo(201);
    }

    @Test
    void uploadRefusalsNameTheColumn() {
        byte[] messy = MessyFiles.utf8(MessyFiles.customers(','));
        Http.Response noLabel = uploadBytes("bad-label", messy, "labelColumn", "nope");
        assertThat(noLabel.status()).isEqualTo(400);
        assertThat(noLabel.json().get("column").asString()).isEqualTo("nope");
        Http.Response oneClass = uploadBytes("one-class", messy, "labelColumn", "country");
        assertThat(oneClass.status()).isEqualTo(400);
        assertThat(oneClass.json().get("column").asString()).isEqualTo("country");
        Http.Response notText = uploadBytes("binary", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
        assertThat(notText.status()).isEqualTo(400);
        assertThat(notText.json().get("detail").asString()).contains("not delimited text");
        assertThat(fields(uploadBytes("bad-type", messy, "columns", "[{\"name\":\"age\",\"type\":\"numbr\"}]")))
                .containsExactly("columns[0].type");
        assertThat(fields(uploadBytes("bad-json", messy, "columns", "{"))).containsExactly("columns");
        assertThat(names()).doesNotContain("bad-label", "one-class", "binary", "bad-type", "bad-json");
    }

    @Test
    void duplicateAndBuiltInNamesAre409() {
        Http.Response first = upload("twice", blobs(), "labelColumn", "kind");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Http.Response again = upload("twice", blobs(), "labelColumn", "kind");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(upload("iris", blobs(), "labelColumn", "kind").status()).isEqualTo(409);
    }

    @Test
    void badFormFieldsAre400NamingThem() {
        assertThat(fields(upload("no spaces allowed", blobs()))).containsExactly("name");
        assertThat(fields(upload("x".repeat(101), blobs()))).containsExactly("name");
    }

    /** A name is a URL path segment of its own: never "." or "..", which the Location header would resolve away. */
    @Test
    void datasetNamesFollowOneRule() {
        long before = count("dataset");
        for (String bad : new String[] {".", "..", ".hidden", "-dash", "_under", "x".repeat(65), "a/b", "a b"}) {
            Http.Response r = upload(bad, blobs(), "labelColumn", "kind");
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(fields(r)).as(bad).containsExactly("name");
        }
        assertThat(count("dataset")).isEqualTo(before);
        String longest = "L" + "x".repeat(63);
        Http.Response ok = upload(longest, blobs(), "labelColumn", "kind");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        assertThat(ok.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/datasets/" + longest));
        assertThat(upload("v1.2_final-set", blobs(), "labelColumn", "kind").status()).isEqualTo(201);
    }

    @Test
    void otherBadFormFieldsAre400NamingThem() {
        assertThat(fields(upload("ok-name", blobs(), "task", "clustering"))).containsExactly("task");
        Multipart noFile = new Multipart().field("name", "nofile");
        Http.Response r = http.post("/api/datasets", noFile.contentType(), noFile.bytes());
        assertThat(r.status()).isEqualTo(400);
        assertThat(fields(r)).containsExactly("file");
        assertThat(http.postJson("/api/datasets", "{}").status()).isEqualTo(415);
    }

    @Test
    void aFileOverTheUploadLimitIs413() {
        long before = count("dataset");
        byte[] big = new byte[10 * 1024 * 1024 + 1024];
        java.util.Arrays.fill(big, (byte) '1');
        Multipart form = new Multipart().file("file", "big.csv", big).field("name", "big");
        Http.Response r = http.post("/api/datasets", form.contentType(), form.bytes());
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(count("dataset")).isEqualTo(before);
    }
}
