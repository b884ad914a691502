package dev.hypersearch.api;

import dev.hypersearch.PostgresTestSchema;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link PrecisionIT} on PostgreSQL, whose JSONB keeps the stored spec's and stages' spaces in its own order. */
@ActiveProfiles("postgres")
class PostgresPrecisionIT extends PrecisionIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestSchema.register(registry);
    }
}
