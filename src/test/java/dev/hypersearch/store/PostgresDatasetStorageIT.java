package dev.hypersearch.store;

import dev.hypersearch.PostgresTestSchema;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ActiveProfiles("postgres")
class PostgresDatasetStorageIT extends DatasetStorageContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestSchema.register(registry);
    }
}
