package dev.hypersearch.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypersearch.data.pipeline.FittedPipeline;
import dev.hypersearch.data.table.CategoricalColumn;
import dev.hypersearch.data.table.ColumnType;
import dev.hypersearch.data.table.DateColumn;
import dev.hypersearch.data.table.NumericColumn;
import dev.hypersearch.data.table.Table;
import dev.hypersearch.data.table.Target;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineJsonTest {

    private static final Table TABLE = new Table("t", List.of(
            NumericColumn.of("age", new double[]{30, Double.NaN, 50.25, 20}),
            new NumericColumn("member", ColumnType.BOOLEAN, new double[]{1, 0, 1, Double.NaN}),
            new CategoricalColumn("colour", new int[]{0, 1, CategoricalColumn.MISSING, 0}, List.of("red", "blue \"b\"")),
            new DateColumn("joined", new long[]{LocalDate.of(2020, 2, 29).toEpochDay(), DateColumn.MISSING,
                    LocalDate.of(1999, 12, 31).toEpochDay(), LocalDate.of(2024, 7, 1).toEpochDay()})),
            new Target.Values("y", new double[]{1, 2, 3, 4}));

    @Test
    void aFittedPipelineRoundTripsThroughJsonAndTransformsTheSame() {
        FittedPipeline fitted = FittedPipeline.fit(TABLE, new int[]{0, 1, 3}, 20);
        String json = PipelineJson.write(fitted);
        assertTrue(json.contains("\"step\":\"categorical\""), json);
        FittedPipeline read = PipelineJson.read(json);
        assertEquals(fitted, read);
        assertArrayEquals(fitted.transform(TABLE).data, read.transform(TABLE).data, 0);
        assertEquals(fitted.inputs(), read.inputs());
    }

    @Test
    void aJsonStringHoldingThePipelineIsReadToo() {
        FittedPipeline fitted = FittedPipeline.fit(TABLE, new int[]{0, 1, 2, 3}, 1);
        String quoted = tools.jackson.databind.json.JsonMapper.builder().build()
                .writeValueAsString(PipelineJson.write(fitted));
        assertEquals(fitted, PipelineJson.read(quoted));
    }
}
