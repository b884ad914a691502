package dev.hypersearch.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import dev.hypersearch.TestTokens;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny JSON-over-HTTP client for the integration tests: real requests to the server on its random port, each
 * with {@code Authorization: Bearer} of its token (the test admin token unless told otherwise; none if null).
 */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final String base;
    private final String token;

    Http(int port) {
        this(port, TestTokens.ADMIN);
    }

    /** @param token sent as the bearer token of every request; null sends none */
    Http(int port, String token) {
        this("127.0.0.1", port, token);
    }

    /** @param host a loopback address (127.0.0.2 is another client address to the server) */
    Http(String host, int port, String token) {
        this(host, port, token, HttpClient.newBuilder().connectTimeout(TIMEOUT).build());
    }

    private Http(String host, int port, String token, HttpClient client) {
        this.base = "http://" + host + ":" + port;
        this.token = token;
        this.client = client;
    }

    /** A client without a token that keeps cookies, as a browser does (the UI's session). */
    static Http browser(int port, java.net.CookieManager cookies) {
        return new Http("127.0.0.1", port, null,
                HttpClient.newBuilder().connectTimeout(TIMEOUT).cookieHandler(cookies).build());
    }

    /** The same server, with another token (null: none). */
    Http as(String otherToken) {
        return new Http(URI.create(base).getHost(), URI.create(base).getPort(), otherToken);
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).GET().build());
    }

    Response postJson(String path, String body) {
        return post(path, "application/json", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    Response postJson(String path, Object body) {
        return postJson(path, JSON.writeValueAsString(body));
    }

    Response post(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    Response post(String path) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    Response send(HttpRequest request) {
        if (token != null && request.headers().firstValue("Authorization").isEmpty()) {
            request = HttpRequest.newBuilder(request, (name, value) -> true)
                    .header("Authorization", TestTokens.bearer(token)).build();
        }
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient client() {
        return client;
    }

    record Response(int status, java.net.http.HttpHeaders headers, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + body;
        }
    }
}
