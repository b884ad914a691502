package dev.hypersearch.api;

import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.List;

/** Short factories for the OpenAPI 3.1 schemas the customizers build by hand. */
final class Schemas {

    static final String COMPONENTS = "#/components/schemas/";

    private Schemas() {
    }

    static Schema<Object> typed(String type) {
        Schema<Object> s = new JsonSchema();
        s.specVersion(SpecVersion.V31);
        s.typesItem(type);
        return s;
    }

    /** An object that accepts only the properties it lists. */
    static Schema<Object> closedObject() {
        return typed("object").additionalProperties(false);
    }

    static Schema<Object> integer(long min, Long max) {
        Schema<Object> s = typed("integer").minimum(BigDecimal.valueOf(min));
        return max == null ? s : s.maximum(BigDecimal.valueOf(max));
    }

    static Schema<Object> string() {
        return typed("string");
    }

    static Schema<Object> bool() {
        return typed("boolean");
    }

    static Schema<Object> array(Schema<?> items) {
        return typed("array").items(items);
    }

    static Schema<Object> ref(String component) {
        Schema<Object> s = new JsonSchema();
        s.specVersion(SpecVersion.V31);
        return s.$ref(COMPONENTS + component);
    }

    static Schema<Object> oneOf(List<Schema> choices) {
        Schema<Object> s = new JsonSchema();
        s.specVersion(SpecVersion.V31);
        return s.oneOf(choices);
    }

    /** The schema, or JSON null. */
    static Schema<Object> orNull(Schema<?> schema) {
        return oneOf(List.of(schema, typed("null")));
    }
}
