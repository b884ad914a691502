package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class JsonErrorsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static JacksonException failure(String body) {
        return catchThrowableOfType(JacksonException.class,
                () -> JSON.readValue(body, new TypeReference<Map<String, Object>>() { }));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"a\": NaN}                                    | a",
            "{\"space\": {\"learningRate\": -Infinity}}       | space.learningRate",
            "{\"space\": {\"activation\": {\"choice\": [\"relu\", NaN]}}} | space.activation.choice[1]",
            "{\"name\": \"x\", \"dataset\": }                | dataset",
            "{\"name\": 'single'}                            | name",
            "[1, 2]                                          | $",
            "\"just a string\"                               | $",
    })
    void namesTheFieldJacksonWasReading(String body, String field) {
        JacksonException e = failure(body);
        assertThat(e).as(body).isNotNull();
        assertThat(JsonErrors.field(e)).isEqualTo(field);
    }

    @Test
    void messagesLeaveOutJavaAdviceAndSourceExcerpts() {
        String nan = JsonErrors.message(failure("{\"a\": NaN}"));
        assertThat(nan).contains("NaN").doesNotContain("JsonReadFeature").doesNotContain("enable");
        String eof = JsonErrors.message(failure("{\"a\": {\"b\": 1"));
        assertThat(eof).doesNotContain("[Source").doesNotContain("REDACTED");
        assertThat(JsonErrors.message(failure("[1]"))).isEqualTo("the body must be a JSON object");
    }

    @Test
    void locationsAreOneBased() {
        JacksonException e = failure("{\n  \"a\": NaN}");
        assertThat(JsonErrors.location(e).getLineNr()).isEqualTo(2);
        assertThat(JsonErrors.location(e).getColumnNr()).isPositive();
    }

    static final JsonMapper LOCATING = JsonMapper.builder(new FieldLocatingJsonFactory()).build();

    /** Jackson's read constraints (a number of over 1,000 digits) name the field being read, not its parent. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"space\": {\"epochs\": DIGITS}}               | space.epochs",
            "{\"seed\": DIGITS}                              | seed",
            "{\"seed\": 1.DIGITS}                            | seed",
            "{\"space\": {\"l2\": {\"choice\": [1, DIGITS]}}} | space.l2.choice[1]",
    })
    void tooLongNumbersNameTheirField(String template, String field) {
        String body = template.replace("DIGITS", "1".repeat(1201));
        JacksonException e = catchThrowableOfType(JacksonException.class,
                () -> LOCATING.readValue(body, new TypeReference<Map<String, Object>>() { }));
        assertThat(JsonErrors.field(e)).isEqualTo(field);
        assertThat(JsonErrors.message(e)).contains("Number value length").doesNotContain("[Source")
                .doesNotContain("StreamReadConstraints");
        assertThat(JsonErrors.location(e)).isNotNull();
    }
}
