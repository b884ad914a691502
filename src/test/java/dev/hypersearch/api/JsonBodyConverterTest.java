package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.http.MockHttpOutputMessage;
import tools.jackson.databind.json.JsonMapper;

/** A body serialized once is written as is, as the mapper wrote it, with its type and length. */
class JsonBodyConverterTest {

    final JsonMapper mapper = JsonMapper.builder().build();
    final JsonBodyConverter converter = new JsonBodyConverter();

    @Test
    void writesTheBytesTheMapperWroteAsJson() throws Exception {
        PageResponse<String> page = PageResponse.of(List.of("a", "é"), 0, 2, 3);
        JsonBody<PageResponse<String>> body = JsonBody.of(mapper, page);
        MockHttpOutputMessage out = new MockHttpOutputMessage();
        assertThat(converter.canWrite(JsonBody.class, MediaType.APPLICATION_JSON)).isTrue();
        assertThat(converter.canWrite(PageResponse.class, MediaType.APPLICATION_JSON)).isFalse();
        assertThat(converter.canRead(JsonBody.class, MediaType.APPLICATION_JSON)).isFalse();
        converter.write(body, MediaType.APPLICATION_JSON, out);
        assertThat(out.getBodyAsBytes()).isEqualTo(mapper.writeValueAsBytes(page));
        assertThat(out.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(out.getHeaders().getContentLength()).isEqualTo(mapper.writeValueAsBytes(page).length);
        assertThat(out.getBodyAsString()).contains("\"totalPages\":2");
    }
}
