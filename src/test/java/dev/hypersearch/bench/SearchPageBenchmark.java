package dev.hypersearch.bench;

import dev.hypersearch.Application;
import dev.hypersearch.TestTokens;
import dev.hypersearch.store.PlannedTrialRows;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The search page alone in Chromium ({@link SearchPageTimings}) on a running grid search of {@code trials} trials
 * (H2 in memory, 2 workers, the planned trials turned into rows as in {@link LargeSearchBenchmark}), without the
 * reads and viewers of that benchmark. With a directory of another build of the UI (e.g. the previous commit's
 * target/classes/static, copied), that copy is served at /assets/before/ and visited in turn with this build, so
 * both are measured under the same load. Args: {@code [trials] [visits] [before-dir]}.
 * <pre>./mvnw -q -Pbench test-compile exec:exec -Dfrontend.skip -Dbench.main=dev.hypersearch.bench.SearchPageBenchmark -Dbench.args="100000 5 /tmp/before-static"</pre>
 */
public final class SearchPageBenchmark {

    static final String BEFORE = "/assets/before/";
    private static final String BEFORE_DIR = "hypersearch.bench.before-dir";

    private SearchPageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int visits = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String before = args.length > 2 ? Path.of(args[2]).toAbsolutePath().toUri().toString() : null;
        if (before != null) {
            System.setProperty(BEFORE_DIR, before);
        }
        try (ConfigurableApplicationContext ctx = SpringApplication.run(
                new Class<?>[] {Application.class, BeforeBundle.class},
                new String[] {"--server.port=0", "--hypersearch.role=all", "--hypersearch.workers=2",
                        "--hypersearch.grid-cap=" + Math.max(100_000, trials), "--spring.main.banner-mode=off",
                        "--" + TestTokens.ENV + "=" + TestTokens.ADMIN, "--logging.level.root=WARN",
                        "--spring.jmx.enabled=false", "--spring.datasource.url=jdbc:h2:mem:page;DB_CLOSE_DELAY=-1"})) {
            int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
            HttpResponse<String> created = LargeSearchBenchmark.post(port, "/api/searches",
                    LargeSearchBenchmark.spec(trials));
            if (created.statusCode() != 201) {
                throw new IllegalStateException(created.statusCode() + " " + created.body());
            }
            Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(created.body());
            m.find();
            long id = Long.parseLong(m.group(1));
            int rows = PlannedTrialRows.createAll(ctx);
            System.out.printf("SearchPageBenchmark: %,d trials as rows, 2 workers running%n", rows);
            LargeSearchBenchmark.waitForResults(port, id, 200);
            Map<String, String> bundles = new LinkedHashMap<>();
            if (before != null) {
                bundles.put("before", BEFORE + "index.html");
            }
            bundles.put(before != null ? "this build" : "", "/");
            System.out.println("-- the search page in Chromium while 2 workers run (load average "
                    + ProcessFigures.loadAverage() + ")");
            SearchPageTimings.measure(port, id, 1, visits, bundles);
            System.out.println("-- load average at the end " + ProcessFigures.loadAverage());
        }
    }

    /** Serves the other build of the UI, when one is given, under /assets/ (the shell's public path). */
    @Configuration(proxyBeanMethods = false)
    static class BeforeBundle implements WebMvcConfigurer {
        @Override
        public void addResourceHandlers(ResourceHandlerRegistry registry) {
            String dir = System.getProperty(BEFORE_DIR);
            if (dir != null) {
                registry.addResourceHandler(BEFORE + "**").addResourceLocations(dir.endsWith("/") ? dir : dir + "/");
            }
        }
    }
}
