package dev.hypersearch.store;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:epoch-writes;DB_CLOSE_DELAY=-1",
        "hypersearch.role=none"})
class H2EpochWritesIT extends EpochWritesContract {
}
