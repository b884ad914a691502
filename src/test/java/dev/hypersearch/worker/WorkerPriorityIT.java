package dev.hypersearch.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hypersearch.TestTokens;
import dev.hypersearch.store.SearchStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The worker threads train at the default {@code hypersearch.worker-nice} (10) and no other thread is lowered: the
 * web server's request threads, the scheduler's (lease renewal) and any thread started while a search ran and was
 * read keep this JVM's priority. What Linux reports per thread (/proc/self/task/TID/stat), not timings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:worker-priority;DB_CLOSE_DELAY=-1",
        "hypersearch.role=all", "hypersearch.workers=2", "hypersearch.poll-millis=50"})
@Import(SearchCompletions.class)
class WorkerPriorityIT {

    private static final Pattern WORKER = Pattern.compile("worker-\\d+");

    @LocalServerPort int port;
    @Autowired SearchCompletions completions;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void workersTrainAtTheLowerPriorityWhileRequestAndSchedulerThreadsDoNot() throws Exception {
        assumeTrue(Files.isDirectory(ThreadNiceValues.TASKS), "Linux /proc");
        int normal = ThreadNiceValues.of(WorkerNice.currentThreadId().orElseThrow()).orElseThrow().nice();
        assumeTrue(normal == 0, "this JVM runs at nice 0");

        HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/searches"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name": "nice", "dataset": "iris", "strategy": "grid", "seed": 3,
                         "space": {"hiddenUnits": {"choice": [8, 16, 32, 64]}, "epochs": 5}}""")));
        assertThat(created.statusCode()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(created.body());
        assertThat(id.find()).isTrue();
        long searchId = Long.parseLong(id.group(1));
        assertThat(completions.of(searchId).get(5, TimeUnit.MINUTES).status()).isEqualTo(SearchStatus.COMPLETED);
        assertThat(send(HttpRequest.newBuilder(uri("/api/searches/" + searchId + "/trials")).GET()).statusCode())
                .isEqualTo(200);

        List<ThreadNiceValues.OsThread> threads = ThreadNiceValues.all();
        assertThat(threads).filteredOn(t -> WORKER.matcher(t.name()).matches()).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(t -> assertThat(t.nice()).as(t.name()).isEqualTo(10));
        assertThat(threads).filteredOn(t -> t.name().startsWith("http-nio")).isNotEmpty();
        assertThat(threads).filteredOn(t -> t.name().startsWith("scheduling")).isNotEmpty();
        assertThat(threads).filteredOn(t -> !WORKER.matcher(t.name()).matches())
                .allSatisfy(t -> assertThat(t.nice()).as(t.name()).isEqualTo(normal));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Authorization", TestTokens.bearer(TestTokens.ADMIN)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
