package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hypersearch.TestTokens;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Tokens, roles, owners, the audit, the UI's session with CSRF, the failed-authentication limit, headers. */
@ExtendWith(OutputCaptureExtension.class)
class SecurityIT extends SecurityContextIT {

    @Autowired JdbcTemplate jdbc;

    @Test
    void withoutATokenTheApiAnswers401ProblemAndHealthStaysPublic() {
        Http.Response r = anonymous.get("/api/searches");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(admin.get("/actuator/prometheus").status()).isEqualTo(200);

        Http.Response bad = admin.as("hs_not-a-token").get("/api/searches");
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.headers().firstValue("WWW-Authenticate").orElse("")).contains("invalid_token");
        assertThat(bad.body()).doesNotContain("hs_not-a-token");
    }

    @Test
    void aTokenIsShownOnceStoredHashedAndRevokedAtOnce(CapturedOutput output) {
        Http.Response created = admin.postJson("/api/tokens", Map.of("name", "reader", "role", "viewer"));
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("token").asString();
        long id = created.json().get("id").asLong();
        assertThat(secret).startsWith("hs_").hasSizeGreaterThanOrEqualTo(46);
        assertThat(created.json().get("role").asString()).isEqualTo("viewer");

        Http.Response list = admin.get("/api/tokens");
        assertThat(list.body()).contains("\"reader\"").doesNotContain(secret);
        assertThat(list.json().get(0).has("token")).isFalse();
        byte[] stored = jdbc.queryForObject("SELECT secret_hash FROM api_token WHERE id = ?", byte[].class, id);
        assertThat(stored).hasSize(32).isNotEqualTo(secret.getBytes());

        Http viewer = admin.as(secret);
        JsonNode me = viewer.get("/api/me").json();
        assertThat(me.get("name").asString()).isEqualTo("reader");
        assertThat(me.get("role").asString()).isEqualTo("viewer");
        assertThat(viewer.get("/api/searches").status()).isEqualTo(200);
        Http.Response refused = viewer.postJson("/api/searches", spec("viewer-may-not"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");

        assertThat(admin.send(HttpRequest.newBuilder(admin.uri("/api/tokens/" + id)).DELETE().build()).status())
                .isEqualTo(200);
        assertThat(viewer.get("/api/me").status()).isEqualTo(401);
        assertThat(admin.get("/api/tokens").body()).contains("\"revokedAt\"");
        assertThat(output.getAll()).doesNotContain(secret);
    }

    /** Answers kept for every viewer (SharedReads) go only to callers with a valid token; a revoked one at once. */
    @Test
    void answersSharedBetweenViewersAreStillRefusedToCallersWithoutARightToReadThem() {
        long id = admin.postJson("/api/searches", spec("shared-answers")).json().get("id").asLong();
        List<String> reads = List.of("/api/searches/" + id, "/api/searches", "/api/searches/" + id + "/trials",
                "/api/searches/" + id + "/trials?sort=valLoss&dir=desc&size=25", "/api/searches/" + id + "/charts");
        String secret = token("shared-reader", "viewer");
        for (String path : reads) {
            assertThat(admin.get(path).status()).as(path).isEqualTo(200); // computed and kept
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
            assertThat(admin.as("hs_not-a-token").get(path).status()).as(path).isEqualTo(401);
            assertThat(admin.as(secret).get(path).status()).as(path).isEqualTo(200);
        }
        long tokenId = jdbc.queryForObject("SELECT id FROM api_token WHERE name = 'shared-reader'", Long.class);
        assertThat(admin.send(HttpRequest.newBuilder(admin.uri("/api/tokens/" + tokenId)).DELETE().build()).status())
                .isEqualTo(200);
        for (String path : reads) {
            assertThat(admin.as(secret).get(path).status()).as("revoked: " + path).isEqualTo(401);
        }
        assertThat(admin.get("/api/searches/" + (id + 1000) + "/trials").status()).as("no such search")
                .isEqualTo(404);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String secret = token("short-lived", "editor");
        assertThat(admin.as(secret).get("/api/me").status()).isEqualTo(200);
        jdbc.update("UPDATE api_token SET expires_at = ? WHERE name = 'short-lived'",
                java.sql.Timestamp.from(Instant.now().minusSeconds(1)));
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.as(secret).get("/api/me").status() == 401);
        assertThat(admin.as(secret).get("/api/me").status()).isEqualTo(401);
    }

    /**
     * A row changed behind this process's back (as another api process's revocation is, or by hand) is seen within
     * the second an active token's check is reused (TokenChecks); a revocation through this process at once.
     */
    @Test
    void aTokenRevokedByAnotherProcessIsRefusedSoon() {
        String secret = token("revoked-elsewhere", "viewer");
        assertThat(admin.as(secret).get("/api/me").status()).isEqualTo(200);
        jdbc.update("UPDATE api_token SET revoked_at = ? WHERE name = 'revoked-elsewhere'",
                java.sql.Timestamp.from(Instant.now()));
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.as(secret).get("/api/me").status() == 401);
        assertThat(admin.as(secret).get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void badTokenRequestsAre400NamingTheField() {
        assertNamesField(Map.of("name", "x", "role", "root"), "role");
        assertNamesField(Map.of("role", "viewer"), "name");
        assertNamesField(Map.of("name", "x", "role", "viewer", "expiresAt", "2000-01-01T00:00:00Z"), "expiresAt");
        assertNamesField(Map.of("name", "x", "role", "viewer", "expiresAt", "tomorrow"), "expiresAt");
        assertNamesField(Map.of("name", "a\u0000b", "role", "viewer"), "name");
        Http.Response ok = admin.postJson("/api/tokens", Map.of("name", "dated", "role", "viewer",
                "expiresAt", "2099-01-01T00:00:00Z"));
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.json().get("expiresAt").asString()).startsWith("2099-01-01");
    }

    private void assertNamesField(Map<String, Object> body, String field) {
        Http.Response r = admin.postJson("/api/tokens", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    @Test
    void editorsChangeOnlyWhatTheyOwnAdminsAnythingAndTheAuditSaysWho() {
        Http alice = admin.as(token("alice", "editor"));
        Http bob = admin.as(token("bob", "editor"));
        Http.Response created = alice.postJson("/api/searches", spec("alices"));
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("owner").asString()).isEqualTo("alice");
        assertThat(bob.get("/api/searches/" + id).json().get("owner").asString()).isEqualTo("alice");

        Http.Response denied = bob.post("/api/searches/" + id + "/cancel");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.contentType()).startsWith("application/problem+json");
        assertThat(alice.post("/api/searches/" + id + "/cancel").status()).isEqualTo(200);

        long bobs = bob.postJson("/api/searches", spec("bobs")).json().get("id").asLong();
        assertThat(admin.post("/api/searches/" + bobs + "/cancel").status()).isEqualTo(200);

        Multipart form = new Multipart().file("file", "a.csv", "x,label\n1,a\n2,b\n3,a\n4,b\n5,a\n6,b\n7,a\n8,b\n9,a\n10,b\n".getBytes())
                .field("name", "alices-set");
        Http.Response upload = alice.post("/api/datasets", form.contentType(), form.bytes());
        assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
        assertThat(upload.json().get("owner").asString()).isEqualTo("alice");

        assertThat(alice.get("/api/audit").status()).isEqualTo(403);
        JsonNode audit = admin.get("/api/audit?size=200").json().get("items");
        assertThat(audit.toString())
                .contains("\"actor\":\"alice\",\"action\":\"create\",\"targetType\":\"search\",\"targetId\":\"" + id + "\"")
                .contains("\"actor\":\"alice\",\"action\":\"cancel\",\"targetType\":\"search\",\"targetId\":\"" + id + "\"")
                .contains("\"actor\":\"admin\",\"action\":\"cancel\",\"targetType\":\"search\",\"targetId\":\"" + bobs + "\"")
                .contains("\"actor\":\"alice\",\"action\":\"create\",\"targetType\":\"dataset\",\"targetId\":\"alices-set\"")
                .contains("\"actor\":\"admin\",\"action\":\"create\",\"targetType\":\"token\"");
    }

    @Test
    void theBrowserSessionIsAnHttpOnlyStrictCookieWhoseUnsafeRequestsNeedTheCsrfHeader() {
        Http.Response created = admin.postJson("/api/tokens", Map.of("name", "browser", "role", "editor"));
        String secret = created.json().get("token").asString();
        CookieManager cookies = new CookieManager();
        Http browser = Http.browser(port, cookies);

        Http.Response signIn = browser.postJson("/api/session", Map.of("token", secret));
        assertThat(signIn.status()).as(signIn.toString()).isEqualTo(200);
        String setCookie = String.join("\n", signIn.headers().allValues("Set-Cookie"));
        assertThat(setCookie).containsPattern("JSESSIONID=[^;]+;.*HttpOnly").containsIgnoringCase("SameSite=Strict");
        Http.Response me = browser.get("/api/me");
        assertThat(me.status()).as(me + " " + cookies.getCookieStore().getCookies()).isEqualTo(200);
        assertThat(me.json().get("name").asString()).isEqualTo("browser");
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();

        HttpRequest.Builder submit = HttpRequest.newBuilder(browser.uri("/api/searches"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(spec("from-the-browser"))));
        Http.Response forged = browser.send(submit.copy().build());
        assertThat(forged.status()).as("a cookie request without the CSRF header").isEqualTo(403);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        Http.Response sent = browser.send(submit.copy().header("X-XSRF-TOKEN", xsrf).build());
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        assertThat(sent.json().get("owner").asString()).isEqualTo("browser");

        long id = created.json().get("id").asLong();
        assertThat(admin.send(HttpRequest.newBuilder(admin.uri("/api/tokens/" + id)).DELETE().build()).status())
                .isEqualTo(200);
        assertThat(browser.get("/api/me").status()).as("a revoked token's session ends at once").isEqualTo(401);

        Http.Response wrong = browser.postJson("/api/session", Map.of("token", "hs_wrong"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersAndCorsIsClosed() {
        for (Http.Response r : List.of(anonymous.get("/"), anonymous.get("/api/searches"), admin.get("/api/searches"),
                anonymous.get("/actuator/health"))) {
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).contains("frame-ancestors 'none'").contains("script-src 'self'");
            assertThat(csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src"))))
                    .doesNotContain("unsafe-inline");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        }
        Http.Response preflight = anonymous.send(HttpRequest.newBuilder(anonymous.uri("/api/searches"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").build());
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
