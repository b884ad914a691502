package dev.hypersearch.store;

import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:dataset-storage;DB_CLOSE_DELAY=-1")
class H2DatasetStorageIT extends DatasetStorageContract {
}
