package dev.hypersearch.data.pipeline;

import static dev.hypersearch.data.pipeline.MixedTables.NA;
import static dev.hypersearch.data.pipeline.MixedTables.NO_DATE;
import static dev.hypersearch.data.pipeline.MixedTables.day;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hypersearch.data.BuiltinDatasets;
import dev.hypersearch.data.Dataset;
import dev.hypersearch.data.DatasetTables;
import dev.hypersearch.data.Split;
import dev.hypersearch.data.Splits;
import dev.hypersearch.data.Standardizer;
import dev.hypersearch.data.table.CategoricalColumn;
import dev.hypersearch.data.table.ColumnType;
import dev.hypersearch.data.table.DateColumn;
import dev.hypersearch.data.table.NumericColumn;
import dev.hypersearch.data.table.Table;
import dev.hypersearch.data.table.Target;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class FittedPipelineTest {

    private static final int[] ALL = {0, 1, 2, 3, 4, 5};

    @Test
    void numericColumnsImputeTheTrainingMedianThenStandardize() {
        FittedPipeline p = FittedPipeline.fit(MixedTables.sixRows(), ALL, 20);
        NumericStep age = (NumericStep) p.steps().get(0);
        assertEquals(40, age.median()); // of 30, 50, 20, 40, 60
        assertEquals(40, age.mean()); // the imputed 40 joins the five
        assertEquals(Math.sqrt((100 + 0 + 100 + 400 + 0 + 400) / 6.0), age.scale(), 1e-12);
        assertEquals(List.of(Input.of("age", InputKind.STANDARDIZED), Input.of("age", InputKind.MISSING_INDICATOR)),
                age.inputs());
        DMatrixRMaj x = p.transform(MixedTables.sixRows());
        assertEquals(0, x.get(1, 0)); // missing: the median, standardized
        assertEquals(1, x.get(1, 1));
        assertEquals(0, x.get(0, 1));
        assertEquals((60 - 40) / age.scale(), x.get(5, 0), 1e-12);
    }

    @Test
    void booleansStayZeroOneWithoutAnIndicatorWhenComplete() {
        FittedPipeline p = FittedPipeline.fit(MixedTables.sixRows(), ALL, 20);
        assertEquals(List.of(Input.of("member", InputKind.BOOLEAN)), p.steps().get(1).inputs());
        DMatrixRMaj x = p.transform(MixedTables.sixRows());
        assertEquals(1, x.get(0, 2));
        assertEquals(0, x.get(1, 2));
    }

    @Test
    void categoriesKeepTheMostFrequentLevelsThenMissingAndOther() {
        FittedPipeline p = FittedPipeline.fit(MixedTables.sixRows(), ALL, 2);
        CategoricalStep colour = (CategoricalStep) p.steps().get(2);
        assertEquals(List.of("blue", "red"), colour.levels()); // 2 each, ties by name; green (1) is "other"
        DMatrixRMaj x = p.transform(MixedTables.sixRows());
        assertArrayEquals(new double[]{0, 1, 0, 0}, row(x, 0, 3, 4), 0); // red
        assertArrayEquals(new double[]{0, 0, 0, 1}, row(x, 3, 3, 4), 0); // green: other
        assertArrayEquals(new double[]{0, 0, 1, 0}, row(x, 4, 3, 4), 0); // missing
    }

    @Test
    void datesBecomeAStandardizedYearAndCyclicPairs() {
        FittedPipeline p = FittedPipeline.fit(MixedTables.sixRows(), ALL, 20);
        DateStep joined = (DateStep) p.steps().get(3);
        assertEquals(day(2021, 6, 15), joined.medianEpochDay()); // of 5 present dates, sorted
        assertEquals(8, joined.width()); // year, 3 sin/cos pairs, missing indicator
        DMatrixRMaj x = p.transform(MixedTables.sixRows());
        int at = 2 + 1 + 5; // age and its indicator, member, colour (3 levels + 2)
        // 2020-01-01: January, a Wednesday, day 1 of the year
        assertEquals(0, x.get(0, at + 1), 1e-12); // month sin
        assertEquals(1, x.get(0, at + 2), 1e-12); // month cos
        assertEquals(Math.sin(2 * Math.PI * 2 / 7), x.get(0, at + 3), 1e-12);
        assertEquals(0, x.get(0, at + 5), 1e-12);
        assertEquals(0, x.get(0, at + 7));
        // the missing date is the median date, flagged
        assertEquals(x.get(1, at), x.get(2, at));
        assertEquals(1, x.get(2, at + 7));
        assertEquals((2020 - joined.yearMean()) / joined.yearScale(), x.get(0, at), 1e-12);
    }

    @Test
    void inputsNameWhatEveryOutputColumnIs() {
        FittedPipeline p = FittedPipeline.fit(MixedTables.sixRows(), ALL, 20);
        List<Input> in = p.inputs();
        assertEquals(p.width(), in.size());
        assertEquals(2 + 1 + 5 + 8, in.size());
        assertEquals(new Input("colour", InputKind.LEVEL, "blue"), in.get(3));
        assertEquals("colour=blue", in.get(3).toString());
        assertEquals("joined:month_sin", in.get(9).toString());
    }

    @Test
    void onlyTheTrainingRowsAreFitted() {
        // rows 0..3 train; the validation rows hold a new colour, an extreme age and a far-away date
        Table base = table(new double[]{1, 2, 3, 4, 5, 6}, new int[]{0, 1, 0, 1, 0, 1},
                new long[]{day(2020, 1, 1), day(2020, 2, 1), day(2020, 3, 1), day(2020, 4, 1), day(2020, 5, 1),
                        day(2020, 6, 1)});
        Table leaky = table(new double[]{1, 2, 3, 4, 1e9, NA}, new int[]{0, 1, 0, 1, 2, CategoricalColumn.MISSING},
                new long[]{day(2020, 1, 1), day(2020, 2, 1), day(2020, 3, 1), day(2020, 4, 1), day(3000, 1, 1),
                        NO_DATE});
        int[] train = {0, 1, 2, 3};
        FittedPipeline fitted = FittedPipeline.fit(leaky, train, 20);
        assertEquals(FittedPipeline.fit(base, train, 20), fitted);
        assertEquals(List.of("a", "b"), ((CategoricalStep) fitted.steps().get(1)).levels());
        // and the validation-only level is "other" when transformed
        DMatrixRMaj x = fitted.transform(leaky, new int[]{4});
        assertArrayEquals(new double[]{0, 0, 0, 1}, row(x, 0, 1, 4), 0);
    }

    @Test
    void regressionTargetsAreStandardizedWithTheTrainingRowsOnly() {
        Table t = table(new double[]{1, 2, 3, 4, 5, 6}, new int[]{0, 1, 0, 1, 0, 1}, new long[]{0, 1, 2, 3, 4, 5});
        FittedPipeline p = FittedPipeline.fit(t, new int[]{0, 1, 2}, 20); // targets 1, 2, 3
        assertEquals(2, p.target().mean());
        assertEquals(Math.sqrt(2 / 3.0), p.target().scale(), 1e-12);
        assertEquals(6, p.target().restore(p.target().standardize(6)), 1e-12);
        assertEquals(null, FittedPipeline.fit(MixedTables.sixRows(), ALL, 20).target());
    }

    @Test
    void aTableCodedDifferentlyIsMatchedByColumnAndLevelName() {
        FittedPipeline p = FittedPipeline.fit(MixedTables.sixRows(), ALL, 20);
        Table other = new Table("new rows", List.of(
                new DateColumn("joined", new long[]{day(2020, 1, 1)}),
                new CategoricalColumn("colour", new int[]{0}, List.of("purple", "red").subList(1, 2)),
                new NumericColumn("member", ColumnType.BOOLEAN, new double[]{1}),
                NumericColumn.of("age", new double[]{30})),
                new Target.Classes("churn", new int[]{0}, List.of("no", "yes")));
        DMatrixRMaj expected = p.transform(MixedTables.sixRows(), new int[]{0});
        assertArrayEquals(expected.data, p.transform(other).data, 0);
    }

    @Test
    void aMissingColumnOrAnotherTypeIsRefused() {
        FittedPipeline p = FittedPipeline.fit(MixedTables.sixRows(), ALL, 20);
        Table noAge = new Table("t", List.of(NumericColumn.of("x", new double[]{1})),
                new Target.Classes("churn", new int[]{0}, List.of("no", "yes")));
        assertThrows(IllegalArgumentException.class, () -> p.transform(noAge));
    }

    @Test
    void aNumericDataSetGivesExactlyTheStandardizersInputs() {
        Dataset iris = BuiltinDatasets.load("iris");
        Split split = Splits.holdout(iris, 0.2, 7);
        Dataset train = iris.subset(split.train());
        Standardizer s = Standardizer.fit(train.features());
        FittedPipeline p = FittedPipeline.fit(DatasetTables.of(iris), split.train(), 20);
        assertEquals(iris.numFeatures(), p.width());
        for (int[] rows : new int[][]{split.train(), split.validation()}) {
            double[][] expected = s.transform(iris.subset(rows).features());
            DMatrixRMaj actual = p.transform(DatasetTables.of(iris), rows);
            for (int i = 0; i < rows.length; i++) {
                assertArrayEquals(expected[i], row(actual, i, 0, iris.numFeatures()), 0);
            }
        }
    }

    @Test
    void theEstimatedWidthBoundsTheFittedOne() {
        Table t = MixedTables.sixRows();
        assertEquals(FittedPipeline.fit(t, ALL, 20).width(), InputWidth.of(t, 20));
        assertEquals(2 + 1 + (2 + 2) + 8, InputWidth.of(t, 2));
        assertEquals(5, InputWidth.of(ColumnType.CATEGORICAL, 100, true, 3));
    }

    private static Table table(double[] x, int[] colour, long[] dates) {
        return new Table("t", List.of(NumericColumn.of("x", x),
                new CategoricalColumn("colour", colour, List.of("a", "b", "zebra")),
                new DateColumn("when", dates)),
                new Target.Values("y", new double[]{1, 2, 3, 4, 5, 6}));
    }

    private static double[] row(DMatrixRMaj x, int row, int from, int count) {
        double[] out = new double[count];
        System.arraycopy(x.data, row * x.numCols + from, out, 0, count);
        return out;
    }
}
