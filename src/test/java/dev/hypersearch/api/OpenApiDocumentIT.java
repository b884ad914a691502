package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.search.MlpParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed contract {@code frontend/openapi.json}, from which the frontend's API types are generated,
 * is the document the server serves. Run with {@code -Dopenapi.update=true} to rewrite it.
 */
class OpenApiDocumentIT extends ApiIT {

    static final Path COMMITTED = Path.of(System.getProperty("basedir", "."), "frontend", "openapi.json");
    static final String UPDATE = "./mvnw -q verify -Dfrontend.skip -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false"
            + " -Dit.test=OpenApiDocumentIT -Dopenapi.update=true";
    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Test
    void theCommittedDocumentIsTheServedOne() throws IOException {
        Http.Response r = http.get("/v3/api-docs");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode live = r.json();
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(COMMITTED, PRETTY.writeValueAsString(live) + "\n", StandardCharsets.UTF_8);
        }
        JsonNode committed = Files.exists(COMMITTED)
                ? Http.JSON.readTree(Files.readString(COMMITTED, StandardCharsets.UTF_8)) : null;
        List<String> differences = new ArrayList<>();
        differences(committed, live, "", differences);
        assertThat(differences).as("%s differs from the served /v3/api-docs at the JSON pointers listed; the API"
                + " changed. Rewrite it with%n  %s%nand commit it (the frontend's types are generated from it)",
                COMMITTED, UPDATE).isEmpty();
    }

    /** JSON pointers where the two documents differ, at most ten. */
    private static void differences(JsonNode committed, JsonNode live, String at, List<String> out) {
        if (out.size() >= 10 || Objects.equals(committed, live)) {
            return;
        }
        if (committed == null || live == null || !committed.isContainer() || committed.getNodeType() != live.getNodeType()) {
            out.add((at.isEmpty() ? "/" : at) + (committed == null ? " (missing in the file)"
                    : live == null ? " (not served)" : ""));
            return;
        }
        Set<String> keys = new LinkedHashSet<>(committed.isObject() ? committed.propertyNames() : List.of());
        if (live.isObject()) {
            keys.addAll(live.propertyNames());
        } else {
            for (int i = 0; i < Math.max(committed.size(), live.size()); i++) {
                keys.add(String.valueOf(i));
            }
        }
        for (String key : keys) {
            JsonNode c = committed.isObject() ? committed.get(key) : committed.get(Integer.parseInt(key));
            JsonNode l = live.isObject() ? live.get(key) : live.get(Integer.parseInt(key));
            differences(c, l, at + "/" + key.replace("~", "~0").replace("/", "~1"), out);
        }
    }

    @Test
    void searchesTakeTheSpecSchemaAndAnswerCreatedWithALocation() {
        JsonNode doc = http.get("/v3/api-docs").json();
        for (String path : List.of("/api/searches", "/api/searches/preview")) {
            assertThat(doc.at("/paths/" + path.replace("/", "~1") + "/post/requestBody/content/application~1json"
                    + "/schema/$ref").asString()).as(path).isEqualTo("#/components/schemas/SearchSpec");
        }
        JsonNode created = doc.at("/paths/~1api~1searches/post/responses");
        assertThat(created.has("200")).isFalse();
        assertThat(created.at("/201/headers/Location/required").asBoolean()).isTrue();
        JsonNode space = doc.at("/components/schemas/Space/properties");
        assertThat(space.propertyNames()).containsExactlyElementsOf(MlpParameters.names());
        assertThat(space.at("/epochs/oneOf")).hasSize(3);
        assertThat(space.at("/activation/oneOf")).as("a value or a choice").hasSize(2);
    }

    @Test
    void everyClientErrorIsAProblemWithFieldErrors() {
        JsonNode doc = http.get("/v3/api-docs").json();
        doc.get("paths").forEach(item -> item.forEach(op -> op.get("responses").properties().forEach(r -> {
            if (r.getKey().startsWith("4")) {
                assertThat(r.getValue().at("/content/application~1problem+json/schema/$ref").asString())
                        .as(op.get("operationId") + " " + r.getKey()).isEqualTo("#/components/schemas/Problem");
            }
        })));
        assertThat(doc.at("/components/schemas/Problem/properties/errors/items/$ref").asString())
                .isEqualTo("#/components/schemas/FieldError");
        assertThat(doc.at("/paths/~1api~1searches~1{id}~1cancel/post/responses").propertyNames())
                .contains("200", "400", "404", "409");
    }
}
