package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint Spring MVC maps, for no token and each role: the allowed ones are answered with anything but 401
 * and 403, the others with 401 (no token) or 403 (a token whose role does not allow it) as problem+json. The list
 * of endpoints comes from the handler mapping, so a new endpoint without a row in {@link #RULES} fails this test:
 * give it a rule in SecurityConfig (if the general ones do not fit) and a row here.
 */
class EndpointRoleMatrixIT extends SecurityContextIT {

    /** Who may call an endpoint: nobody, anyone (no token), or a role and those above it. */
    enum Level {
        PUBLIC, VIEWER, EDITOR, ADMIN, NOBODY;

        boolean allows(Level caller) {
            return this != NOBODY && (this == PUBLIC || (caller != PUBLIC && caller.ordinal() >= ordinal()));
        }
    }

    /** "METHOD pattern" (a mapping without methods: "* pattern") -> the lowest level that may call it. */
    static final Map<String, Level> RULES = new LinkedHashMap<>();

    static {
        RULES.put("GET /api/me", Level.VIEWER);
        RULES.put("POST /api/session", Level.PUBLIC);
        RULES.put("GET /api/parameters", Level.VIEWER);
        RULES.put("GET /api/searches", Level.VIEWER);
        RULES.put("GET /api/searches/{id}", Level.VIEWER);
        RULES.put("GET /api/searches/{id}/trials", Level.VIEWER);
        RULES.put("GET /api/searches/{id}/trials.csv", Level.VIEWER);
        RULES.put("GET /api/searches/{id}/charts", Level.VIEWER);
        RULES.put("GET /api/searches/{id}/importance", Level.VIEWER);
        RULES.put("GET /api/searches/{id}/events", Level.VIEWER);
        RULES.put("POST /api/searches/preview", Level.VIEWER);
        RULES.put("POST /api/searches", Level.EDITOR);
        RULES.put("POST /api/searches/{id}/cancel", Level.EDITOR);
        RULES.put("GET /api/trials/{id}", Level.VIEWER);
        RULES.put("POST /api/searches/{id}/model", Level.EDITOR);
        RULES.put("POST /api/trials/{id}/model", Level.EDITOR);
        RULES.put("GET /api/models", Level.VIEWER);
        RULES.put("GET /api/models/{id}", Level.VIEWER);
        RULES.put("GET /api/models/{id}/model.onnx", Level.VIEWER);
        RULES.put("POST /api/models/{id}/predict", Level.VIEWER);
        RULES.put("DELETE /api/models/{id}", Level.EDITOR);
        RULES.put("GET /api/datasets", Level.VIEWER);
        RULES.put("GET /api/datasets/{name}", Level.VIEWER);
        RULES.put("POST /api/datasets", Level.EDITOR);
        RULES.put("GET /api/tokens", Level.ADMIN);
        RULES.put("POST /api/tokens", Level.ADMIN);
        RULES.put("DELETE /api/tokens/{id}", Level.ADMIN);
        RULES.put("GET /api/audit", Level.ADMIN);
        RULES.put("GET /v3/api-docs", Level.VIEWER);
        RULES.put("GET /v3/api-docs.yaml", Level.VIEWER);
        RULES.put("GET /v3/api-docs/swagger-config", Level.VIEWER);
        RULES.put("GET /swagger-ui.html", Level.VIEWER);
        RULES.put("* /error", Level.NOBODY);
        // Actuator has its own handler mapping: its endpoints are listed here by hand.
        RULES.put("GET /actuator/health", Level.PUBLIC);
        RULES.put("GET /actuator/health/liveness", Level.PUBLIC);
        RULES.put("GET /actuator/prometheus", Level.VIEWER);
        RULES.put("GET /actuator/metrics", Level.VIEWER);
        RULES.put("GET /actuator/info", Level.VIEWER);
        RULES.put("GET /actuator", Level.VIEWER);
    }

    private static final Set<String> ACTUATOR = Set.of("GET /actuator/health", "GET /actuator/health/liveness",
            "GET /actuator/prometheus", "GET /actuator/metrics", "GET /actuator/info", "GET /actuator");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void everyEndpointAnswersEachRoleAsItsRuleSays() throws Exception {
        Set<String> endpoints = new TreeSet<>(ACTUATOR);
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    endpoints.add("* " + pattern);
                }
                methods.forEach(m -> endpoints.add(m.name() + " " + pattern));
            }
        }
        List<String> unruled = endpoints.stream().filter(e -> !RULES.containsKey(e)).toList();
        assertThat(unruled).as("endpoints without a rule: add each to SecurityConfig's rules (when the general ones"
                + " do not fit) and to EndpointRoleMatrixIT.RULES").isEmpty();

        Map<Level, String> callers = new LinkedHashMap<>();
        callers.put(Level.PUBLIC, null);
        callers.put(Level.VIEWER, token("matrix-viewer", "viewer"));
        callers.put(Level.EDITOR, token("matrix-editor", "editor"));
        callers.put(Level.ADMIN, TestTokens.ADMIN);
        // The editor's own search, so that cancelling it is allowed for the editor (and for the admin).
        Http.Response created = admin.as(callers.get(Level.EDITOR)).postJson("/api/searches", spec("matrix"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long searchId = created.json().get("id").asLong();

        List<String> wrong = new ArrayList<>();
        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
            String path = pattern.replace("{name}", "iris")
                    .replace("{id}", pattern.startsWith("/api/tokens") ? "999999" : Long.toString(searchId));
            for (Map.Entry<Level, String> caller : callers.entrySet()) {
                Answer a = call(method.equals("*") ? "GET" : method, path, caller.getValue());
                boolean allowed = RULES.get(endpoint).allows(caller.getKey());
                boolean refused = a.status == 401 || a.status == 403;
                int expectedRefusal = caller.getKey() == Level.PUBLIC ? 401 : 403;
                if (allowed && refused) {
                    wrong.add(endpoint + " as " + caller.getKey() + ": " + a.status + " but should be allowed");
                } else if (!allowed && (a.status != expectedRefusal || !a.problem)) {
                    wrong.add(endpoint + " as " + caller.getKey() + ": " + a.status + (a.problem ? "" : " (not problem+json)")
                            + " but should be " + expectedRefusal + " problem+json");
                }
            }
        }
        assertThat(wrong).as("endpoints answering a role against their rule").isEmpty();
    }

    private record Answer(int status, boolean problem) {
    }

    /** Reads only the status and the content type: an allowed event stream stays open. */
    private Answer call(String method, String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (method.equals("GET") || method.equals("DELETE")) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}",
                    StandardCharsets.UTF_8));
        }
        HttpResponse<InputStream> r = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream ignored = r.body()) {
            return new Answer(r.statusCode(),
                    r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        }
    }
}
