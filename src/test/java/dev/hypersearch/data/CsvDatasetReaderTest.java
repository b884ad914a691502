package dev.hypersearch.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvDatasetReaderTest {

    /** Small files keep the tests readable; the minimum-rows rule has its own test. */
    private static final CsvDatasetReader READER = new CsvDatasetReader().withMinRows(2);

    private static Dataset read(CsvDatasetReader reader, String csv) {
        return reader.read("test", new StringReader(csv));
    }

    private static DatasetFormatException failure(CsvDatasetReader reader, String csv) {
        return catchThrowableOfType(DatasetFormatException.class, () -> read(reader, csv));
    }

    private static void assertFailure(DatasetFormatException e, int line, String column) {
        assertThat(e).as("expected a DatasetFormatException").isNotNull();
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.getMessage()).contains("line " + line);
        assertThat(e.column()).isEqualTo(column);
        if (column != null) {
            assertThat(e.getMessage()).contains("'" + column + "'");
        }
    }

    @Test
    void readsFeaturesAndLastColumnAsLabel() {
        Dataset d = read(READER, """
                a,b,label
                1,2.5,0
                -3,4e2,1
                .5, 6 ,0
                """);
        assertThat(d.name()).isEqualTo("test");
        assertThat(d.featureNames()).containsExactly("a", "b");
        assertThat(d.targetName()).isEqualTo("label");
        assertThat(d.features()).isDeepEqualTo(new double[][] {{1, 2.5}, {-3, 400}, {0.5, 6}});
        assertThat(d.labels()).containsExactly(0, 1, 0);
        assertThat(d.classNames()).containsExactly("0", "1");
    }

    @Test
    void labelColumnByNameInTheMiddle() {
        Dataset d = read(READER.withLabelColumn("species"), """
                x1,species,x2
                1,0,10
                2,1,20
                3,1,30
                """);
        assertThat(d.featureNames()).containsExactly("x1", "x2");
        assertThat(d.features()).isDeepEqualTo(new double[][] {{1, 10}, {2, 20}, {3, 30}});
        assertThat(d.labels()).containsExactly(0, 1, 1);
    }

    @Test
    void stringLabelsMapToSortedClassNames() {
        Dataset d = read(READER, """
                w,animal
                1,dog
                2,cat
                3,bird
                4,cat
                """);
        assertThat(d.classNames()).containsExactly("bird", "cat", "dog");
        assertThat(d.labels()).containsExactly(2, 1, 0, 1);
    }

    @Test
    void integerLabelsOutside0ToCMinus1AreRenumberedInOrder() {
        Dataset d = read(READER, """
                w,grade
                1,3
                2,1
                3,7
                4,3
                """);
        assertThat(d.classNames()).containsExactly("1", "3", "7");
        assertThat(d.labels()).containsExactly(1, 0, 2, 1);
    }

    @Test
    void integerLabels0ToCMinus1AreKept() {
        Dataset d = read(READER, "w,y\n1,2\n2,0\n3,1\n4,2\n");
        assertThat(d.labels()).containsExactly(2, 0, 1, 2);
        assertThat(d.numClasses()).isEqualTo(3);
    }

    @Test
    void regressionReadsTargets() {
        Dataset d = read(READER.withTask(Task.REGRESSION), "x,y\n1,0.5\n2,-1.25\n3,7\n");
        assertThat(d.isClassification()).isFalse();
        assertThat(d.targets()).containsExactly(0.5, -1.25, 7);
    }

    @Test
    void regressionTargetMustBeNumeric() {
        assertFailure(failure(READER.withTask(Task.REGRESSION), "x,y\n1,0.5\n2,high\n"), 3, "y");
    }

    @Test
    void acceptsInputStreamWithByteOrderMarkAndCrLf() {
        byte[] bytes = "\uFEFFa,label\r\n1,0\r\n2,1\r\n".getBytes(StandardCharsets.UTF_8);
        Dataset d = READER.read("bom", new ByteArrayInputStream(bytes));
        assertThat(d.featureNames()).containsExactly("a");
        assertThat(d.labels()).containsExactly(0, 1);
    }

    @Test
    void raggedRowWithTooFewCellsNamesTheMissingColumn() {
        assertFailure(failure(READER, """
                a,b,label
                1,2,0
                3,4,1
                5,1
                """), 4, "label");
    }

    @Test
    void raggedRowWithTooManyCells() {
        DatasetFormatException e = failure(READER, """
                a,b,label
                1,2,0
                3,4,1,9
                """);
        assertFailure(e, 3, "label");
        assertThat(e.getMessage()).contains("4 cells").contains("3 columns");
    }

    @Test
    void nonNumericFeatureCell() {
        DatasetFormatException e = failure(READER, """
                a,b,label
                1,2,0
                3,x,1
                """);
        assertFailure(e, 3, "b");
        assertThat(e.getMessage()).contains("'x'");
    }

    @Test
    void nanAndInfinityAreNotNumbers() {
        assertFailure(failure(READER, "a,label\n1,0\nNaN,1\n"), 3, "a");
        assertFailure(failure(READER, "a,label\n1,0\n2,1\nInfinity,0\n"), 4, "a");
        assertFailure(failure(READER, "a,label\n1e999,0\n2,1\n"), 2, "a");
    }

    @Test
    void emptyCell() {
        assertFailure(failure(READER, "a,b,label\n1,,0\n2,3,1\n"), 2, "b");
        assertFailure(failure(READER, "a,b,label\n1,2,0\n2,3,\n"), 3, "label");
    }

    @Test
    void lineNumbersArePhysicalLinesCountingBlankLinesAndMultiLineCells() {
        String csv = "a,label\n"           // 1
                + "1,\"two\nline\"\n"      // 2-3: a quoted label spanning two lines
                + "\n"                     // 4: blank, skipped
                + "2,cat\n"                // 5
                + "oops,cat\n";            // 6
        assertFailure(failure(READER, csv), 6, "a");
        // A row that spans lines is reported at the line it starts on.
        assertFailure(failure(READER, "a,label\n1,cat\n\noops,\"two\nline\"\n2,dog\n"), 4, "a");
    }

    @Test
    void emptyFile() {
        DatasetFormatException e = failure(READER, "");
        assertFailure(e, 1, null);
        assertThat(e.getMessage()).contains("empty");
        assertFailure(failure(READER, "\n\n"), 1, null);
    }

    @Test
    void headerOnly() {
        DatasetFormatException e = failure(READER, "a,b,label\n");
        assertFailure(e, 1, null);
        assertThat(e.getMessage()).contains("header only");
    }

    @Test
    void singleClassNamesTheLabelColumnAndLines() {
        DatasetFormatException e = failure(READER, "a,label\n1,7\n2,7\n3,7\n");
        assertThat(e).isNotNull();
        assertThat(e.column()).isEqualTo("label");
        assertThat(e.getMessage()).contains("'label'").contains("lines 2-4").contains("single class");
    }

    @Test
    void tooFewRowsByDefaultMinimumOfTen() {
        String csv = "a,label\n1,0\n2,1\n3,0\n4,1\n5,0\n";
        DatasetFormatException e = failure(new CsvDatasetReader(), csv);
        assertThat(e).isNotNull();
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.getMessage()).contains("lines 2-6").contains(String.valueOf(CsvDatasetReader.DEFAULT_MIN_ROWS));
        assertThat(read(new CsvDatasetReader().withMinRows(5), csv).size()).isEqualTo(5);
    }

    @Test
    void unknownLabelColumn() {
        DatasetFormatException e = failure(READER.withLabelColumn("target"), "a,label\n1,0\n2,1\n");
        assertFailure(e, 1, "target");
        assertThat(e.getMessage()).contains("[a, label]");
    }

    @Test
    void duplicateHeaderName() {
        assertFailure(failure(READER, "a,b,a,label\n1,2,3,0\n4,5,6,1\n"), 1, "a");
    }

    @Test
    void blankHeaderNameAndLabelOnlyHeader() {
        assertFailure(failure(READER, "a,,label\n1,2,0\n"), 1, null);
        assertFailure(failure(READER, "label\n0\n1\n"), 1, null);
    }

    @Test
    void maxRowsAndColumnsGuards() {
        String rows = "a,label\n1,0\n2,1\n3,0\n4,1\n";
        DatasetFormatException tooMany = failure(READER.withMaxRows(3), rows);
        assertFailure(tooMany, 5, null);
        assertThat(read(READER.withMaxRows(4), rows).size()).isEqualTo(4);

        assertFailure(failure(READER.withMaxColumns(2), "a,b,label\n1,2,0\n3,4,1\n"), 1, null);
    }

    @Test
    void tooManyClassesSuggestsRegression() {
        DatasetFormatException e = failure(READER.withMaxClasses(3), "a,y\n1,0.1\n2,0.2\n3,0.3\n4,0.4\n");
        assertThat(e).isNotNull();
        assertThat(e.column()).isEqualTo("y");
        assertThat(e.getMessage()).contains("regression");
    }

    @Test
    void malformedCsvIsAFormatError() {
        DatasetFormatException e = failure(READER, "a,label\n1,0\n2,\"unclosed\n3,1\n");
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("malformed CSV");
    }

    /** Column names are stored (the label's) and shown: one text rule, whatever the database would take. */
    @ParameterizedTest
    @ValueSource(strings = {"\"a\u0000b\"", "\"lone \uD800\"", "\"tab\tname\"", "\"two\nlines\""})
    void columnNamesThatCannotBeStoredAreRefused(String name) {
        DatasetFormatException e = failure(READER, name + ",label\n1,0\n2,1\n");
        assertFailure(e, 1, null);
        assertThat(e.getMessage()).contains("column 1");
        assertThat(failure(READER, "x," + name + "\n1,0\n2,1\n").getMessage()).contains("column 2");
    }

    @Test
    void columnNamesAreAtMost200Characters() {
        String csv = "x," + "l".repeat(CsvDatasetReader.MAX_COLUMN_NAME_LENGTH) + "\n1,0\n2,1\n";
        assertThat(read(READER, csv).targetName()).hasSize(CsvDatasetReader.MAX_COLUMN_NAME_LENGTH);
        assertThat(failure(READER, csv.replace(",l", ",ll")).getMessage()).contains("at most 200 characters");
    }
}
