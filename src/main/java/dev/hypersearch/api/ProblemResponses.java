package dev.hypersearch.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents the problem+json answers of every operation, from what its signature makes {@link ApiExceptionHandler}
 * answer: 404 for a path naming something that may not exist, 400 for parameters or a body that may be invalid,
 * 413 and 415 for a body. Answers only some operations give (409) are declared on them with
 * {@code @ApiResponse(responseCode = "409", ...)}; this adds the problem schema to those too.
 */
final class ProblemResponses implements OperationCustomizer {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";
    static final String MEDIA_TYPE = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Override
    public Operation customize(Operation operation, HandlerMethod method) {
        Map<String, String> answers = new LinkedHashMap<>();
        boolean path = has(method, PathVariable.class);
        boolean body = has(method, RequestBody.class) || has(method, RequestPart.class);
        if (body || has(method, RequestParam.class) || hasNonText(method, PathVariable.class)) {
            answers.put("400", "Invalid request: `errors` lists each invalid field");
        }
        if (path) {
            answers.put("404", "Not found");
        }
        if (body) {
            answers.put("413", "Request body too large");
            answers.put("415", "Unsupported content type");
        }
        boolean open = operation.getSecurity() != null && operation.getSecurity().isEmpty();
        if (!open) {
            answers.put("401", "No, or an unknown, expired or revoked, bearer token");
            answers.put("403", "The token's role does not allow this");
        }
        ApiResponses responses = operation.getResponses();
        answers.forEach((code, description) -> responses.putIfAbsent(code, new ApiResponse().description(description)));
        responses.forEach((code, response) -> {
            if (code.startsWith("4")) {
                response.setContent(new Content().addMediaType(MEDIA_TYPE,
                        new MediaType().schema(Schemas.ref(PROBLEM))));
            }
        });
        return operation;
    }

    /** RFC 9457 problem details as Spring's ProblemDetail writes them, plus the service's extensions. */
    static void addComponents(Components components) {
        Schema<Object> fieldError = Schemas.typed("object").description("One invalid input: a JSON-path-like field"
                + " (space.learningRate.floatRange.min, space.activation.choice[2], $ for the whole body) and why");
        fieldError.addProperty("field", Schemas.string());
        fieldError.addProperty("message", Schemas.string());
        fieldError.required(List.of("field", "message"));
        components.addSchemas(FIELD_ERROR, fieldError);

        Schema<Object> problem = Schemas.typed("object").description("RFC 9457 problem details");
        problem.addProperty("type", Schemas.string().format("uri-reference"));
        problem.addProperty("title", Schemas.string());
        problem.addProperty("status", Schemas.typed("integer"));
        problem.addProperty("detail", Schemas.string().description("For invalid fields, the first one and its message"));
        problem.addProperty("instance", Schemas.string().format("uri-reference"));
        problem.addProperty("errors", Schemas.array(Schemas.ref(FIELD_ERROR)).maxItems(ApiExceptionHandler.MAX_ERRORS)
                .description("The invalid fields, in the order found, the first " + ApiExceptionHandler.MAX_ERRORS
                        + " of them (400 only)"));
        problem.addProperty("moreErrors", Schemas.typed("integer").minimum(java.math.BigDecimal.ONE)
                .description("How many invalid fields there were beyond those in errors; absent when none"));
        problem.addProperty("line", Schemas.typed("integer").description("Where malformed JSON or CSV went wrong"));
        problem.addProperty("column", Schemas.typed("integer").description("Where malformed JSON or CSV went wrong"));
        problem.required(List.of("title", "status"));
        components.addSchemas(PROBLEM, problem);
    }

    private static boolean has(HandlerMethod method, Class<? extends java.lang.annotation.Annotation> a) {
        for (MethodParameter p : method.getMethodParameters()) {
            if (p.hasParameterAnnotation(a)) {
                return true;
            }
        }
        return false;
    }

    /** A parameter of a type other than String, which Spring may fail to convert (a non-numeric id). */
    private static boolean hasNonText(HandlerMethod method, Class<? extends java.lang.annotation.Annotation> a) {
        for (MethodParameter p : method.getMethodParameters()) {
            if (p.hasParameterAnnotation(a) && p.getParameterType() != String.class) {
                return true;
            }
        }
        return false;
    }
}
