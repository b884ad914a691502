package dev.hypersearch.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BuiltinDatasetsTest {

    /** One row of the table in datasets/README.md. */
    record ReadmeRow(int rows, int features, int[] classCounts, String sha256) {
    }

    // | `iris.csv` | 150 | 4 (cm) | 0 setosa, ... | 50/50/50 | `2df9...` |
    private static final Pattern TABLE_ROW = Pattern.compile(
            "^\\| `(\\w+)\\.csv` \\| (\\d+) \\| (\\d+)[^|]*\\|[^|]*\\| ([\\d/]+) \\| `([0-9a-f]{64})` \\|$",
            Pattern.MULTILINE);

    private static Map<String, ReadmeRow> readme() throws IOException {
        String text = new String(resource("README.md"), StandardCharsets.UTF_8);
        Map<String, ReadmeRow> rows = new LinkedHashMap<>();
        Matcher m = TABLE_ROW.matcher(text);
        while (m.find()) {
            int[] counts = Arrays.stream(m.group(4).split("/")).mapToInt(Integer::parseInt).toArray();
            rows.put(m.group(1), new ReadmeRow(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    counts, m.group(5)));
        }
        return rows;
    }

    private static byte[] resource(String file) throws IOException {
        try (InputStream in = BuiltinDatasets.class.getResourceAsStream("/datasets/" + file)) {
            assertThat(in).as("resource datasets/%s", file).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void readmeDescribesTheFourCsvSets() throws IOException {
        assertThat(readme()).containsOnlyKeys("digits", "iris", "wine", "breast_cancer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"digits", "iris", "wine", "breast_cancer"})
    void csvSetMatchesItsReadmeRow(String name) throws IOException, NoSuchAlgorithmException {
        ReadmeRow expected = readme().get(name);
        Dataset d = BuiltinDatasets.load(name);
        assertThat(d.name()).isEqualTo(name);
        assertThat(d.size()).isEqualTo(expected.rows());
        assertThat(d.numFeatures()).isEqualTo(expected.features());
        assertThat(d.numClasses()).isEqualTo(expected.classCounts().length);
        assertThat(d.classCounts()).isEqualTo(expected.classCounts());
        assertThat(d.targetName()).isEqualTo("label");

        byte[] digest = MessageDigest.getInstance("SHA-256").digest(resource(name + ".csv"));
        assertThat(HexFormat.of().formatHex(digest)).isEqualTo(expected.sha256());
    }

    @Test
    void readmeNumbersAreTheOnesTheBriefStates() throws IOException {
        Map<String, ReadmeRow> rows = readme();
        assertThat(rows.get("digits").rows()).isEqualTo(1797);
        assertThat(rows.get("digits").features()).isEqualTo(64);
        assertThat(rows.get("iris").rows()).isEqualTo(150);
        assertThat(rows.get("wine").features()).isEqualTo(13);
        assertThat(rows.get("breast_cancer").rows()).isEqualTo(569);
        assertThat(rows.get("breast_cancer").features()).isEqualTo(30);
    }

    @Test
    void classNamesComeFromTheReadme() {
        assertThat(BuiltinDatasets.load("iris").classNames()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(BuiltinDatasets.load("wine").classNames()).containsExactly("class_0", "class_1", "class_2");
        assertThat(BuiltinDatasets.load("breast_cancer").classNames()).containsExactly("malignant", "benign");
        assertThat(BuiltinDatasets.load("digits").classNames())
                .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    }

    @Test
    void generatedSetsHaveTheirShapes() {
        Dataset xor = BuiltinDatasets.load("xor");
        assertThat(xor.size()).isEqualTo(200);
        assertThat(xor.classCounts()).containsExactly(100, 100);
        Dataset spiral = BuiltinDatasets.load("spiral");
        assertThat(spiral.numFeatures()).isEqualTo(2);
        assertThat(spiral.classCounts()).containsExactly(100, 100, 100);
        Dataset regression = BuiltinDatasets.load("regression");
        assertThat(regression.isClassification()).isFalse();
        assertThat(regression.size()).isEqualTo(200);
    }

    @Test
    void namesAndCaching() {
        assertThat(BuiltinDatasets.names())
                .containsExactly("digits", "iris", "wine", "breast_cancer", "xor", "spiral", "regression");
        assertThat(BuiltinDatasets.load("iris")).isSameAs(BuiltinDatasets.load("iris"));
        assertThat(BuiltinDatasets.contains("wine")).isTrue();
        assertThat(BuiltinDatasets.contains("mnist")).isFalse();
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> BuiltinDatasets.load("mnist"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mnist")
                .hasMessageContaining(String.join(", ", List.of("digits", "iris", "wine")));
    }
}
