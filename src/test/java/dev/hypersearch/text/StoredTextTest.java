package dev.hypersearch.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoredTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"plain", "naïve café", "日本語", "emoji \uD83D\uDE00 pair", "x"})
    void acceptsPrintableUnicodeIncludingSurrogatePairs(String s) {
        assertThat(StoredText.problem(s, 20)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nul\u0000", "tab\there", "line\nbreak", "cr\r", "esc\u001B", "del\u007F", "c1\u0085"})
    void refusesControlCharacters(String s) {
        assertThat(StoredText.problem(s, 20)).contains("control characters").contains("U+");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lone \uD800", "\uDC00 low first", "high at end \uD83D", "reversed \uDE00\uD83D"})
    void refusesUnpairedSurrogates(String s) {
        assertThat(StoredText.problem(s, 40)).contains("unpaired surrogate");
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 6})
    void limitsTheLength(int length) {
        String s = "a".repeat(length);
        assertThat(StoredText.problem(s, 5)).isEqualTo(length > 5 ? "must be at most 5 characters, had 6" : null);
    }
}
