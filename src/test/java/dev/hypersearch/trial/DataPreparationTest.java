package dev.hypersearch.trial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hypersearch.data.BuiltinDatasets;
import dev.hypersearch.data.Dataset;
import dev.hypersearch.data.Split;
import dev.hypersearch.data.Splits;
import dev.hypersearch.data.Standardizer;
import dev.hypersearch.nn.TrainingData;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * A numeric data set prepared through the pipeline gets exactly the split and inputs it got before tables: the
 * split of {@link Splits} on the data set, and the {@link Standardizer} fitted on the training rows, bit for bit.
 */
class DataPreparationTest {

    @Test
    void aHoldoutOfANumericSetIsTheStandardizersSplit() {
        Dataset digits = BuiltinDatasets.load("digits");
        PreparedData prepared = DataPreparation.holdout(digits, 0.2, 11);
        assertSameAsStandardizer(digits, Splits.holdout(digits, 0.2, 11), prepared);
    }

    @Test
    void everyFoldOfANumericSetIsTheStandardizersFold() {
        Dataset iris = BuiltinDatasets.load("iris");
        List<PreparedData> folds = DataPreparation.kFold(iris, 5, 2);
        List<Split> splits = Splits.kFold(iris, 5, 2);
        assertEquals(5, folds.size());
        for (int f = 0; f < 5; f++) {
            assertSameAsStandardizer(iris, splits.get(f), folds.get(f));
        }
    }

    @Test
    void regressionInputsAreTheStandardizersAndTargetsAreStandardizedOnTheTrainingRows() {
        Dataset reg = BuiltinDatasets.load("regression");
        Split split = Splits.holdout(reg, 0.25, 4);
        PreparedData prepared = DataPreparation.holdout(reg, 0.25, 4);
        Standardizer s = Standardizer.fit(reg.subset(split.train()).features());
        assertArrayEquals(flat(s.transform(reg.subset(split.validation()).features())),
                prepared.validation().features().data, 0);
        double[] y = reg.subset(split.train()).targets();
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= y.length;
        assertEquals(mean, prepared.pipeline().target().mean(), 0);
        assertEquals((y[0] - mean) / prepared.pipeline().target().scale(), prepared.train().targets().data[0], 0);
    }

    private static void assertSameAsStandardizer(Dataset d, Split split, PreparedData prepared) {
        Dataset train = d.subset(split.train());
        Dataset validation = d.subset(split.validation());
        Standardizer s = Standardizer.fit(train.features());
        assertArrayEquals(flat(s.transform(train.features())), prepared.train().features().data, 0);
        assertArrayEquals(flat(s.transform(validation.features())), prepared.validation().features().data, 0);
        assertEquals(d.numFeatures(), prepared.numFeatures());
        assertEquals(d.numClasses(), prepared.numClasses());
        assertArrayEquals(labels(train), labels(prepared.train()), "training labels, in order");
        assertArrayEquals(labels(validation), labels(prepared.validation()), "validation labels, in order");
        assertEquals(null, prepared.pipeline().target());
    }

    private static int[] labels(Dataset d) {
        return d.labels();
    }

    /** Labels back from the encoded targets: one column of 0/1 for two classes, else one-hot. */
    private static int[] labels(TrainingData t) {
        DMatrixRMaj y = t.targets();
        int[] out = new int[y.numRows];
        for (int i = 0; i < y.numRows; i++) {
            if (y.numCols == 1) {
                out[i] = (int) y.data[i];
            } else {
                for (int c = 0; c < y.numCols; c++) {
                    if (y.get(i, c) == 1) {
                        out[i] = c;
                    }
                }
            }
        }
        return out;
    }

    private static double[] flat(double[][] rows) {
        int d = rows[0].length;
        double[] out = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, i * d, d);
        }
        return out;
    }
}
