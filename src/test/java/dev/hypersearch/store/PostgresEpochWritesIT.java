package dev.hypersearch.store;

import dev.hypersearch.PostgresTestSchema;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(properties = "hypersearch.role=none")
@ActiveProfiles("postgres")
class PostgresEpochWritesIT extends EpochWritesContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestSchema.register(registry);
    }
}
