package dev.hypersearch.api;

import org.springdoc.core.utils.SpringDocUtils;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at /v3/api-docs (and /swagger-ui.html): paths are found by springdoc; the customizers
 * make it the contract the frontend's types are generated from (frontend/openapi.json).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiInfo {

    static final String BEARER = "bearer";

    static {
        // a body serialized once (shared answers) is documented as what it is the JSON of
        SpringDocUtils.getConfig().addResponseWrapperToIgnore(JsonBody.class);
    }

    @Bean
    OpenAPI hypersearchOpenApi() {
        return new OpenAPI().info(new Info().title("Hypersearch API").version("v1").description(
                "Hyperparameter search for MLPs. Submit a search (dataset, space, grid or random strategy, budget,"
                        + " seed), follow it on the leaderboard or its event stream, export its trials as CSV."
                        + " Errors are RFC 9457 problem+json; invalid fields are listed in `errors: [{field, message}]`."))
                // Relative, so the document is the same whichever host and port serve it.
                .servers(List.of(new Server().url("/")))
                // Every operation needs a bearer token (Authorization: Bearer hs_...) unless it says otherwise.
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("A token from POST /api/tokens (or the first-start admin token). Roles: viewer"
                                + " reads, editor also creates and cancels its own, admin everything and tokens.")))
                .security(List.of(new SecurityRequirement().addList(BEARER)));
    }

    @Bean
    OpenApiCustomizer responseSchemas() {
        return new ResponseSchemas();
    }

    @Bean
    OperationCustomizer problemResponses() {
        return new ProblemResponses();
    }

    /** A nullable record component that refers to another schema: that schema or null. */
    @Bean
    PropertyCustomizer nullableReferences() {
        return (schema, type) -> schema != null && schema.get$ref() != null && type.getCtxAnnotations() != null
                && Arrays.stream(type.getCtxAnnotations())
                        .anyMatch(a -> a.annotationType().getSimpleName().equals("Nullable"))
                ? Schemas.orNull(schema) : schema;
    }
}
