package dev.hypersearch;

import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring test at the machine's PostgreSQL (127.0.0.1:5432, database test, trust auth), in a
 * schema of its own so runs never see each other's rows; Flyway creates the schema.
 */
public final class PostgresTestSchema {

    public static final String URL = System.getenv().getOrDefault("HYPERSEARCH_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");

    private PostgresTestSchema() {
    }

    public static String newSchemaName() {
        return "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    public static void register(DynamicPropertyRegistry registry) {
        String schema = newSchemaName();
        registry.add("spring.datasource.url", () -> URL + "?currentSchema=" + schema);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.schemas", () -> schema);
    }
}
