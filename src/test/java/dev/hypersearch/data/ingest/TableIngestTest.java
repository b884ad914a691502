package dev.hypersearch.data.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hypersearch.data.DatasetFormatException;
import dev.hypersearch.data.LabelCounts;
import dev.hypersearch.data.Task;
import dev.hypersearch.data.table.CategoricalColumn;
import dev.hypersearch.data.table.Column;
import dev.hypersearch.data.table.ColumnRole;
import dev.hypersearch.data.table.ColumnType;
import dev.hypersearch.data.table.DateColumn;
import dev.hypersearch.data.table.NumericColumn;
import dev.hypersearch.data.table.Table;
import dev.hypersearch.data.table.Target;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableIngestTest {

    private final TableIngest ingest = new TableIngest(IngestLimits.DEFAULTS);

    private TableIngest.Result read(byte[] bytes, String label, Task task, ColumnOverride... overrides) {
        return ingest.read(new TableIngest.Request("t", label, task, List.of(overrides)), new ByteArrayInputStream(bytes));
    }

    private static ColumnProfile column(DatasetProfile p, String name) {
        return p.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static Column feature(Table t, String name) {
        return t.features().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aMessyExportIsProfiledColumnByColumn() {
        TableIngest.Result r = read(MessyFiles.utf8(MessyFiles.customers(',')), null, null);
        DatasetProfile p = r.profile();
        assertThat(p.rows()).isEqualTo(30);
        assertThat(p.droppedRows()).isEqualTo(2);
        assertThat(p.delimiter()).isEqualTo("comma");
        assertThat(p.task()).isEqualTo(Task.CLASSIFICATION);
        assertThat(p.classes()).containsExactly("churned", "stayed"); // " churned " is the same class
        // every third customer churned (0, 3, ..., 30); rows 10 and 20 have no label
        assertThat(p.classCounts()).containsExactly(11, 19);
        assertThat(p.labelCounts(r.table().name()).orElseThrow()).isEqualTo(LabelCounts.of(r.table()));

        ColumnProfile id = column(p, "customer_id");
        assertThat(id.role()).isEqualTo(ColumnRole.IGNORED);
        assertThat(id.ignoredReason()).isEqualTo(IgnoredReason.IDENTIFIER);
        ColumnProfile age = column(p, "age");
        assertThat(age.type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(age.role()).isEqualTo(ColumnRole.FEATURE);
        assertThat(age.missing()).isEqualTo(7); // NA in rows 3, 17, 24, 31, n/a in 5, 16, 27 (row 10 was dropped)
        ColumnProfile city = column(p, "city");
        assertThat(city.type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(city.missing()).isEqualTo(1);
        assertThat(city.distinct()).isEqualTo(3);
        assertThat(city.examples()).containsExactly("Paris", "Lyon", "Nice");
        ColumnProfile signup = column(p, "signup");
        assertThat(signup.type()).isEqualTo(ColumnType.DATE);
        assertThat(signup.dateFormat()).isEqualTo("yyyy-MM-dd");
        assertThat(column(p, "member").type()).isEqualTo(ColumnType.BOOLEAN);
        ColumnProfile note = column(p, "note");
        assertThat(note.type()).isEqualTo(ColumnType.TEXT);
        assertThat(note.ignoredReason()).isEqualTo(IgnoredReason.FREE_TEXT);
        assertThat(column(p, "country").ignoredReason()).isEqualTo(IgnoredReason.CONSTANT);
        assertThat(column(p, "churn").role()).isEqualTo(ColumnRole.LABEL);

        Table t = r.table();
        assertThat(t.features()).extracting(Column::name).containsExactly("age", "city", "signup", "member");
        NumericColumn ages = (NumericColumn) feature(t, "age");
        assertThat(ages.value(0)).isEqualTo(20);
        assertThat(ages.isMissing(3)).isTrue();
        CategoricalColumn cities = (CategoricalColumn) feature(t, "city");
        assertThat(cities.isMissing(4)).isTrue();
        assertThat(cities.levels().get(cities.code(1))).isEqualTo("Lyon");
        DateColumn dates = (DateColumn) feature(t, "signup");
        assertThat(dates.date(1)).isEqualTo(LocalDate.of(2024, 2, 2));
        NumericColumn member = (NumericColumn) feature(t, "member");
        assertThat(member.type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(member.value(0)).isEqualTo(1); // yes
        assertThat(member.value(1)).isEqualTo(0); // No
        Target.Classes churn = (Target.Classes) t.target();
        assertThat(churn.label(0)).isEqualTo(0); // " churned "
        assertThat(churn.label(1)).isEqualTo(1);
    }

    @Test
    void semicolonWithBomGzipAndTabFilesReadTheSame() {
        DatasetProfile comma = read(MessyFiles.utf8(MessyFiles.customers(',')), null, null).profile();
        DatasetProfile semicolon = read(MessyFiles.withBom(MessyFiles.customers(';')), null, null).profile();
        DatasetProfile tabGzip = read(MessyFiles.gzip(MessyFiles.utf8(MessyFiles.customers('\t'))), null, null)
                .profile();
        assertThat(semicolon.delimiter()).isEqualTo("semicolon");
        assertThat(tabGzip.delimiter()).isEqualTo("tab");
        assertThat(tabGzip.gzip()).isTrue();
        assertThat(semicolon.columns()).isEqualTo(comma.columns());
        assertThat(tabGzip.columns()).isEqualTo(comma.columns());
        assertThat(column(semicolon, "customer_id").name()).isEqualTo("customer_id"); // no BOM in the name
    }

    @Test
    void aDecimalCommaInASemicolonFileIsANumber() {
        StringBuilder csv = new StringBuilder("x;y\n");
        for (int i = 0; i < 12; i++) {
            csv.append(i).append(",5;").append(i % 2).append('\n');
        }
        Table t = read(MessyFiles.utf8(csv.toString()), null, null).table();
        assertThat(((NumericColumn) t.features().get(0)).value(3)).isEqualTo(3.5);
    }

    @Test
    void everyMissingMarkerIsMissingAndNeverAnError() {
        StringBuilder csv = new StringBuilder("x,label\n");
        String[] markers = {"", "NA", "n/a", "NULL", "nan", "?", ".", "  Na  "};
        for (int i = 0; i < 16; i++) {
            csv.append(i < markers.length ? markers[i] : String.valueOf(i * 0.5)).append(',').append(i % 2).append('\n');
        }
        DatasetProfile p = read(MessyFiles.utf8(csv.toString()), null, null).profile();
        assertThat(column(p, "x").missing()).isEqualTo(markers.length);
        assertThat(column(p, "x").type()).isEqualTo(ColumnType.NUMERIC);
    }

    @Test
    void manyDistinctNumbersMakeARegressionAndTheTaskCanBeOverridden() {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i * 0.3).append(',').append(i * 1.5).append('\n');
        }
        TableIngest.Result r = read(MessyFiles.utf8(csv.toString()), null, null);
        assertThat(r.profile().task()).isEqualTo(Task.REGRESSION);
        assertThat(r.table().target()).isInstanceOf(Target.Values.class);
        assertThat(read(MessyFiles.utf8(csv.toString().replace("1.5", "1")), null, Task.CLASSIFICATION)
                .profile().task()).isEqualTo(Task.CLASSIFICATION);
    }

    @Test
    void overridesChangeTypeAndRole() {
        TableIngest.Result r = read(MessyFiles.utf8(MessyFiles.customers(',')), null, null,
                new ColumnOverride("customer_id", ColumnType.CATEGORICAL, null),
                new ColumnOverride("city", null, ColumnRole.IGNORED),
                new ColumnOverride("age", ColumnType.CATEGORICAL, null));
        assertThat(column(r.profile(), "city").ignoredReason()).isEqualTo(IgnoredReason.USER);
        assertThat(feature(r.table(), "customer_id")).isInstanceOf(CategoricalColumn.class);
        assertThat(feature(r.table(), "age")).isInstanceOf(CategoricalColumn.class);
        assertThat(r.table().features()).extracting(Column::name).doesNotContain("city");
    }

    @Test
    void aLabelByOverrideOrParameter() {
        DatasetProfile p = read(MessyFiles.utf8(MessyFiles.customers(',')), null, null,
                new ColumnOverride("member", null, ColumnRole.LABEL)).profile();
        assertThat(p.label()).isEqualTo("member");
        assertThat(p.classes()).containsExactly("No", "yes");
        assertThat(column(p, "churn").type()).isEqualTo(ColumnType.CATEGORICAL);
    }

    @Test
    void refusalsNameTheColumnAndLine() {
        byte[] messy = MessyFiles.utf8(MessyFiles.customers(','));
        assertThatThrownBy(() -> read(messy, "nope", null)).isInstanceOfSatisfying(DatasetFormatException.class,
                e -> assertThat(e.column()).isEqualTo("nope"));
        assertThatThrownBy(() -> read(messy, null, null, new ColumnOverride("note", ColumnType.NUMERIC, null)))
                .isInstanceOfSatisfying(DatasetFormatException.class, e -> {
                    assertThat(e.column()).isEqualTo("note");
                    assertThat(e.line()).isEqualTo(2);
                });
        assertThatThrownBy(() -> read(messy, "city", Task.REGRESSION)).isInstanceOfSatisfying(
                DatasetFormatException.class, e -> assertThat(e.column()).isEqualTo("city"));
        assertThatThrownBy(() -> read(messy, "country", null)).isInstanceOfSatisfying(DatasetFormatException.class,
                e -> assertThat(e.getMessage()).contains("single class"));
        TableIngest fewClasses = new TableIngest(new IngestLimits(10, 1000, 100, 100_000, 10, 100));
        assertThatThrownBy(() -> fewClasses.read(new TableIngest.Request("t", "customer_id", Task.CLASSIFICATION,
                null), new ByteArrayInputStream(messy))).isInstanceOfSatisfying(DatasetFormatException.class,
                e -> assertThat(e.getMessage()).contains("32 distinct values").contains("limit of 10 classes"));
        StringBuilder noLabels = new StringBuilder("x,y\n");
        for (int i = 0; i < 12; i++) {
            noLabels.append(i).append(",NA\n");
        }
        assertThatThrownBy(() -> read(MessyFiles.utf8(noLabels.toString()), null, null)).isInstanceOfSatisfying(
                DatasetFormatException.class, e -> assertThat(e.getMessage()).contains("label column 'y' is empty"));
        StringBuilder onlyIds = new StringBuilder("id,y\n");
        for (int i = 0; i < 12; i++) {
            onlyIds.append(i).append(',').append(i % 2).append('\n');
        }
        assertThatThrownBy(() -> read(MessyFiles.utf8(onlyIds.toString()), null, null)).isInstanceOfSatisfying(
                DatasetFormatException.class, e -> assertThat(e.getMessage()).contains("no usable feature")
                        .contains("'id' identifier"));
        assertThatThrownBy(() -> read(new byte[] {1, 2, 0, 3, 4}, null, null)).isInstanceOfSatisfying(
                DatasetFormatException.class, e -> assertThat(e.getMessage()).contains("not delimited text"));
    }

    @Test
    void numericColumnsAreIdentifiersOnlyByName() {
        StringBuilder csv = new StringBuilder("row,order_id,clientId,x,y\n");
        for (int i = 0; i < 20; i++) {
            csv.append(i).append(',').append(500 + i).append(',').append(i * 3).append(',').append(i).append(',')
                    .append(i % 2).append('\n');
        }
        DatasetProfile p = read(MessyFiles.utf8(csv.toString()), null, null).profile();
        assertThat(p.columns().subList(0, 4)).extracting(ColumnProfile::ignoredReason)
                .containsExactly(IgnoredReason.IDENTIFIER, IgnoredReason.IDENTIFIER, IgnoredReason.IDENTIFIER, null);
    }

    @Test
    void quotedNewlinesKeepLineNumbersForErrors() {
        String csv = "a,b,y\n\"multi\nline\",1,0\n1,2,3,4\n";
        assertThatThrownBy(() -> read(MessyFiles.utf8(csv), null, null)).isInstanceOfSatisfying(
                DatasetFormatException.class, e -> assertThat(e.line()).isEqualTo(4));
    }

    @Test
    void theRowLimitIsNamed() {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 30; i++) {
            csv.append(i).append(',').append(i % 2).append('\n');
        }
        TableIngest small = new TableIngest(new IngestLimits(10, 20, 100, 1000, 10, 100));
        assertThatThrownBy(() -> small.read(new TableIngest.Request("t", null, null, null),
                new ByteArrayInputStream(MessyFiles.utf8(csv.toString())))).isInstanceOfSatisfying(
                DatasetFormatException.class, e -> assertThat(e.getMessage()).contains("max-rows").contains("20"));
    }
}
