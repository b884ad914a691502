package dev.hypersearch.store;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dialect of the configured database, read once from its metadata at startup. */
@Configuration(proxyBeanMethods = false)
class SqlDialects {

    @Bean
    SqlDialect sqlDialect(DataSource dataSource) {
        return SqlDialect.of(dataSource);
    }
}
