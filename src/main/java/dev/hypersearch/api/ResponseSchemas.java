package dev.hypersearch.api;

import dev.hypersearch.store.SearchStatus;
import dev.hypersearch.search.TrialStatus;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Makes the generated document say what the service answers, where the schemas springdoc derives from the Java
 * types cannot: every property of a response record is present (Jackson writes nulls, and nullable ones say so),
 * statuses are named enums, JSON is {@code application/json}, the two shapes Jackson writes differently from
 * their Java type are described as written, and the search endpoints take the spec's own schema.
 */
final class ResponseSchemas implements OpenApiCustomizer {

    /** The free-form bodies that {@link SearchSpecSchema#SPEC} describes. */
    static final List<String> SPEC_BODIES = List.of("/api/searches", "/api/searches/preview");
    static final Map<String, List<String>> ENUMS = ordered(
            "TrialStatus", Arrays.stream(TrialStatus.values()).map(Enum::name).toList(),
            "SearchStatus", Arrays.stream(SearchStatus.values()).map(Enum::name).toList(),
            "ValueType", Arrays.stream(ParameterCatalog.ValueType.values()).map(ParameterCatalog.ValueType::wire).toList());
    /** Streams: their Java type says nothing about the bytes on the wire. */
    private static final List<String> STREAMS = List.of("SseEmitter", "StreamingResponseBody");

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents();
        Map<String, Schema> schemas = components.getSchemas();
        schemas.values().forEach(ResponseSchemas::everyPropertyPresent);
        // Request forms, not responses: only these fields must be sent.
        schemas.get("UploadForm").setRequired(new ArrayList<>(List.of("file", "name")));
        schemas.get("ColumnChoice").setRequired(new ArrayList<>(List.of("name")));
        ENUMS.forEach((name, values) -> {
            Schema<Object> e = Schemas.string();
            values.forEach(e::addEnumItemObject);
            schemas.values().forEach(s -> nameEnum(s, name, values));
            schemas.put(name, e);
        });
        schemas.get("Progress").addProperty("byStatus", byStatus());
        ParameterCatalog.conditionalParamsNullable(schemas.get("TrialParams"));
        schemas.put("BestPoint", bestPoint());
        schemas.put("SanityCheck", sanityCheck());
        schemas.get("SearchDetail").addProperty("sanityCheck", Schemas.orNull(Schemas.ref("SanityCheck")));
        STREAMS.forEach(schemas::remove);
        components.getSchemas().putAll(SearchSpecSchema.components());
        ProblemResponses.addComponents(components);

        openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(op -> {
            jsonResponses(op);
            if (SPEC_BODIES.contains(path) && op.getRequestBody() != null) {
                op.setRequestBody(new RequestBody().required(true).content(new Content().addMediaType(
                        org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                        new MediaType().schema(Schemas.ref(SearchSpecSchema.SPEC)))));
            }
        }));
    }

    /**
     * Jackson writes every record component, null or not: all are required, the nullable ones say null. A record
     * is an object even where a property referring to it is nullable (swagger-core marks the record itself).
     */
    private static void everyPropertyPresent(Schema<?> schema) {
        if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
            schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            schema.setTypes(new LinkedHashSet<>(List.of("object")));
        }
    }

    private static Map<String, List<String>> ordered(String k1, List<String> v1, String k2, List<String> v2, String k3,
                                                     List<String> v3) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        m.put(k3, v3);
        return m;
    }

    /** Replaces inline enums with exactly {@code values} by a reference to the named one. */
    private static void nameEnum(Schema<?> schema, String name, List<String> values) {
        if (schema.getProperties() != null) {
            schema.getProperties().replaceAll((k, p) -> isEnum(p, values) ? Schemas.ref(name) : p);
            schema.getProperties().values().forEach(p -> nameEnum(p, name, values));
        }
        if (schema.getItems() != null && isEnum(schema.getItems(), values)) {
            schema.setItems(Schemas.ref(name));
        }
    }

    private static boolean isEnum(Schema<?> s, List<String> values) {
        return s.getEnum() != null && s.getEnum().stream().map(String::valueOf).toList().equals(values);
    }

    /**
     * {@link Progress#byStatus}: trials per status, keyed by the status. The server lists every status (zeros
     * included), but clients should not rely on it, so no key is required.
     */
    private static Schema<Object> byStatus() {
        Schema<Object> s = Schemas.closedObject().description("Trials per status (every status listed, zeros included)");
        for (TrialStatus status : TrialStatus.values()) {
            s.addProperty(status.name(), Schemas.typed("integer").format("int64"));
        }
        return s;
    }

    /** {@link TrialCharts.BestPoint} is written as {@code [number, valLoss]}. */
    private static Schema<Object> bestPoint() {
        return Schemas.array(null).prefixItems(List.of(Schemas.typed("integer").description("trial number"),
                        Schemas.typed("number").description("best validation loss so far")))
                .minItems(2).maxItems(2).description("[trial number, best validation loss so far]");
    }

    /** The sanity check's report as stored with the search: non-finite numbers as null. */
    private static Schema<Object> sanityCheck() {
        Schema<Object> s = Schemas.typed("object");
        Map<String, Schema<Object>> fields = new LinkedHashMap<>();
        fields.put("passed", Schemas.bool());
        fields.put("failedCheck", Schemas.orNull(Schemas.string())
                .description("initialLoss, overfitSubset or error; null when passed"));
        fields.put("initialLoss", Schemas.orNull(Schemas.typed("number")));
        fields.put("expectedInitialLoss", Schemas.orNull(Schemas.typed("number")));
        fields.put("finalTrainLoss", Schemas.orNull(Schemas.typed("number")));
        fields.put("message", Schemas.orNull(Schemas.string()));
        fields.forEach(s::addProperty);
        s.required(new ArrayList<>(fields.keySet()));
        return s;
    }

    /** springdoc writes {@code *}/{@code *} where a controller does not name what it produces: it is JSON. */
    private static void jsonResponses(Operation op) {
        op.getResponses().values().forEach(r -> {
            Content content = r.getContent();
            if (content == null) {
                return;
            }
            MediaType any = content.remove("*/*");
            if (any != null) {
                content.addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, any);
            }
            content.values().forEach(m -> {
                if (m.getSchema() != null && m.getSchema().get$ref() != null
                        && STREAMS.stream().anyMatch(m.getSchema().get$ref()::endsWith)) {
                    m.setSchema(Schemas.string());
                }
            });
        });
    }
}
