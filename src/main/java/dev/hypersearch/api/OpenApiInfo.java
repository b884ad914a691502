package dev.hypersearch.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and overview shown by /v3/api-docs and /swagger-ui.html; the paths are found by springdoc. */
@Configuration(proxyBeanMethods = false)
class OpenApiInfo {

    @Bean
    OpenAPI hypersearchOpenApi() {
        return new OpenAPI().info(new Info().title("Hypersearch API").version("v1").description(
                "Hyperparameter search for MLPs. Submit a search (dataset, space, grid or random strategy, budget,"
                        + " seed), follow it on the leaderboard or its event stream, export its trials as CSV."
                        + " Errors are RFC 9457 problem+json; invalid fields are listed in `errors: [{field, message}]`."));
    }
}
