package dev.hypersearch.bench;

import dev.hypersearch.TestTokens;
import dev.hypersearch.scaleout.Pg;
import java.util.ArrayList;
import java.util.List;

/**
 * The command-line settings of the service as the large-search benchmarks start it: its web server on a free port,
 * 2 workers, a grid cap that admits their grids, the test admin token, WARN logs; on in-memory H2 or, for
 * {@code pg}, a fresh PostgreSQL schema (the benchmark closes {@link #pg} at its end).
 *
 * @param args the settings, for {@code SpringApplication.run}
 * @param pg   the schema, or null on H2
 */
record LargeServiceSettings(String[] args, Pg pg) {

    static LargeServiceSettings of(String db, int gridCap, String h2Name) {
        List<String> settings = new ArrayList<>(List.of("--server.port=0", "--hypersearch.role=all",
                "--hypersearch.workers=2", "--hypersearch.grid-cap=" + Math.max(100_000, gridCap),
                "--spring.main.banner-mode=off", "--" + TestTokens.ENV + "=" + TestTokens.ADMIN,
                "--logging.level.root=WARN", "--spring.jmx.enabled=false"));
        Pg pg = null;
        if (db.equals("pg")) {
            pg = Pg.freshSchema();
            settings.addAll(List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + pg.url(),
                    "--spring.datasource.username=" + Pg.USER, "--spring.flyway.schemas=" + pg.schema));
        } else {
            settings.add("--spring.datasource.url=jdbc:h2:mem:" + h2Name + ";DB_CLOSE_DELAY=-1");
        }
        return new LargeServiceSettings(settings.toArray(String[]::new), pg);
    }
}
