package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The UI's files as a browser without a token gets them (needs the built UI in target/classes/static): the shell
 * revalidated on every visit, the hashed scripts and styles it names cached for a year as immutable and sent
 * precompressed in the encoding the browser accepts, as they are to one that accepts none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ui-assets-it;DB_CLOSE_DELAY=-1", "hypersearch.role=api"})
class UiAssetsIT {

    private static final Pattern ASSET = Pattern.compile("\\./(assets/[^\"]+\\.(?:js|css))\"");
    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort int port;

    @Test
    void theShellIsRevalidatedAndItsHashedFilesAreCachedImmutablyAndSentCompressed() throws Exception {
        HttpResponse<byte[]> shell = get("/", null);
        assertThat(shell.statusCode()).isEqualTo(200);
        assertThat(shell.headers().firstValue("Cache-Control")).hasValueSatisfying(
                (v) -> assertThat(v).contains("no-cache").doesNotContain("max-age=31536000"));
        Matcher assets = ASSET.matcher(new String(shell.body()));
        int seen = 0;
        while (assets.find()) {
            seen++;
            String path = "/" + assets.group(1);
            HttpResponse<byte[]> plain = get(path, null);
            assertThat(plain.statusCode()).as(path).isEqualTo(200);
            assertThat(plain.headers().firstValue("Content-Encoding")).as(path).isEmpty();
            assertThat(plain.headers().firstValue("Cache-Control")).as(path)
                    .hasValue("max-age=31536000, public, immutable");

            HttpResponse<byte[]> gzip = get(path, "gzip");
            assertThat(gzip.statusCode()).as(path).isEqualTo(200);
            assertThat(gzip.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
            assertThat(gzip.headers().allValues("Vary")).as(path).anySatisfy((v) -> assertThat(v).contains("Accept-Encoding"));
            assertThat(gzip.headers().firstValue("Cache-Control")).as(path).hasValue("max-age=31536000, public, immutable");
            assertThat(gzip.headers().firstValue("Content-Type")).as(path).isEqualTo(plain.headers().firstValue("Content-Type"));
            assertThat(gunzip(gzip.body())).as(path).isEqualTo(plain.body());

            HttpResponse<byte[]> browser = get(path, "gzip, deflate, br, zstd"); // as Chromium asks
            assertThat(browser.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
            assertThat(browser.body().length).as(path).isLessThan(plain.body().length);
        }
        assertThat(seen).as("the shell names its script and style").isGreaterThanOrEqualTo(2);
        assertThat(get("/assets/index-missing.js", "gzip").statusCode()).isEqualTo(404);
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
