package dev.hypersearch.api;

import java.io.IOException;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;

/** Writes a {@link JsonBody}'s bytes as application/json (a converter bean is put before the default ones). */
@Component
class JsonBodyConverter extends AbstractHttpMessageConverter<JsonBody<?>> {

    JsonBodyConverter() {
        super(MediaType.APPLICATION_JSON);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return type == JsonBody.class;
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected JsonBody<?> readInternal(Class<? extends JsonBody<?>> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("a JSON body is only written", input);
    }

    @Override
    protected Long getContentLength(JsonBody<?> body, MediaType contentType) {
        return (long) body.json().length;
    }

    @Override
    protected void writeInternal(JsonBody<?> body, HttpOutputMessage output) throws IOException {
        output.getBody().write(body.json());
    }
}
