package dev.hypersearch.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.data.CsvDatasetReader;
import dev.hypersearch.data.Dataset;
import dev.hypersearch.data.Task;
import dev.hypersearch.data.DatasetTables;
import dev.hypersearch.data.table.Column;
import dev.hypersearch.data.ingest.ColumnOverride;
import dev.hypersearch.data.ingest.DatasetProfile;
import dev.hypersearch.data.ingest.MessyFiles;
import dev.hypersearch.data.ingest.TableIngest;
import dev.hypersearch.data.pipeline.FittedPipeline;
import dev.hypersearch.data.pipeline.InputWidth;
import dev.hypersearch.data.table.CategoricalColumn;
import dev.hypersearch.data.table.ColumnRole;
import dev.hypersearch.data.table.ColumnType;
import dev.hypersearch.data.table.DateColumn;
import dev.hypersearch.data.table.NumericColumn;
import dev.hypersearch.data.table.Table;
import dev.hypersearch.data.table.Target;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Uploads stored as typed columns load back as the same table, on each database. */
@SpringBootTest(properties = "hypersearch.role=none")
abstract class DatasetStorageContract {

    @Autowired DatasetCatalog catalog;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aMessyUploadLoadsBackColumnForColumn() {
        String name = unique("customers");
        byte[] file = MessyFiles.gzip(MessyFiles.withBom(MessyFiles.customers(';')));
        TableIngest.Request request = new TableIngest.Request(name, null, null,
                List.of(new ColumnOverride("customer_id", ColumnType.CATEGORICAL, null)));
        TableIngest.Result direct = new TableIngest(dev.hypersearch.data.ingest.IngestLimits.DEFAULTS)
                .read(request, new ByteArrayInputStream(file));
        DatasetCatalog.Uploaded uploaded = catalog.upload(request, new ByteArrayInputStream(file), false, null);
        assertThat(uploaded.storedBytes()).isPositive();
        assertThat(catalog.profile(name)).contains(direct.profile());

        Table stored = catalog.table(name).orElseThrow();
        Table expected = direct.table();
        assertThat(stored.features()).hasSameSizeAs(expected.features());
        for (int j = 0; j < expected.features().size(); j++) {
            var want = expected.features().get(j);
            var got = stored.features().get(j);
            assertThat(got.name()).isEqualTo(want.name());
            assertThat(got.type()).isEqualTo(want.type());
            switch (want.type()) {
                case NUMERIC, BOOLEAN -> assertThat(((NumericColumn) got).values())
                        .containsExactly(((NumericColumn) want).values());
                case CATEGORICAL -> {
                    assertThat(((CategoricalColumn) got).codes()).containsExactly(((CategoricalColumn) want).codes());
                    assertThat(((CategoricalColumn) got).levels()).isEqualTo(((CategoricalColumn) want).levels());
                }
                case DATE -> assertThat(((DateColumn) got).epochDays()).containsExactly(((DateColumn) want).epochDays());
                default -> throw new AssertionError(want.type());
            }
        }
        Target.Classes label = (Target.Classes) stored.target();
        assertThat(label.classes()).containsExactly("churned", "stayed");
        assertThat(label.labels()).containsExactly(((Target.Classes) expected.target()).labels());
        // sizing a search reads the profile, not the columns: the width must be the pipeline's
        assertThat(catalog.shape(name).orElseThrow().features())
                .isEqualTo(InputWidth.of(stored, FittedPipeline.DEFAULT_LEVEL_LIMIT));
    }

    @Test
    void anAllNumericUploadIsTheDatasetTheNumericReaderBuilt() {
        String name = unique("numeric");
        StringBuilder csv = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 25; i++) {
            csv.append(i * 0.37 - 3).append(',').append((i * 7) % 5).append(',').append(i % 3 == 0 ? "x" : "y")
                    .append('\n');
        }
        DatasetProfile p = catalog.upload(new TableIngest.Request(name, null, null, null),
                new ByteArrayInputStream(MessyFiles.utf8(csv.toString())), false, null).profile();
        assertThat(p.columns()).extracting(c -> c.role()).containsExactly(ColumnRole.FEATURE, ColumnRole.FEATURE,
                ColumnRole.LABEL);
        Dataset today = new CsvDatasetReader().read(name, new StringReader(csv.toString()));
        Table expected = DatasetTables.of(today);
        Table loaded = catalog.table(name).orElseThrow();
        assertThat(loaded.task()).isEqualTo(Task.CLASSIFICATION);
        assertThat(loaded.features()).extracting(Column::name).isEqualTo(today.featureNames());
        for (int j = 0; j < expected.features().size(); j++) {
            assertThat(((NumericColumn) loaded.features().get(j)).values())
                    .containsExactly(((NumericColumn) expected.features().get(j)).values());
        }
        Target.Classes labels = (Target.Classes) loaded.target();
        assertThat(labels.labels()).containsExactly(today.labels());
        assertThat(labels.classes()).isEqualTo(today.classNames());
        assertThat(catalog.shape(name).orElseThrow().features()).isEqualTo(2);
    }

    @Test
    void aDryRunStoresNothing() {
        String name = unique("dry");
        catalog.upload(new TableIngest.Request(name, null, null, null),
                new ByteArrayInputStream(MessyFiles.utf8(MessyFiles.customers(','))), true, null);
        assertThat(catalog.exists(name)).isFalse();
    }
}
