package dev.hypersearch.api;

import dev.hypersearch.PostgresTestSchema;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link LeaderboardIT} on PostgreSQL: the same orders, filters and keyset pages, rows inserted by COPY. */
@ActiveProfiles("postgres")
class PostgresLeaderboardIT extends LeaderboardIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestSchema.register(registry);
    }
}
