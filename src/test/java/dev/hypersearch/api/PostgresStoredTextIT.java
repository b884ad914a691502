package dev.hypersearch.api;

import dev.hypersearch.PostgresTestSchema;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link StoredTextContract} on PostgreSQL, which refuses NUL where H2 keeps it. */
@ActiveProfiles("postgres")
class PostgresStoredTextIT extends StoredTextContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestSchema.register(registry);
    }
}
