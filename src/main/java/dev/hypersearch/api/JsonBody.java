package dev.hypersearch.api;

import tools.jackson.databind.ObjectMapper;

/**
 * A response body of type {@code T} serialized to JSON once and written as is ({@link JsonBodyConverter}): an
 * answer shared by every viewer ({@link SharedReads}) is serialized once per refresh instead of once per request.
 * The OpenAPI document shows {@code T} (springdoc is told to unwrap it, {@link OpenApiInfo}).
 *
 * @param <T> what the JSON is of
 */
public final class JsonBody<T> {

    private final byte[] json;

    private JsonBody(byte[] json) {
        this.json = json;
    }

    /** The value serialized by the mapper the web layer writes responses with, so the bytes are the same. */
    static <T> JsonBody<T> of(ObjectMapper mapper, T value) {
        return new JsonBody<>(mapper.writeValueAsBytes(value));
    }

    byte[] json() {
        return json;
    }
}
