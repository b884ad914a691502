package dev.hypersearch.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.data.BuiltinDatasets;
import dev.hypersearch.data.DatasetTables;
import dev.hypersearch.nn.Gemms;
import dev.hypersearch.nn.Precision;
import dev.hypersearch.search.TestParams;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A model's refit trains at its trial's precision. */
class RefitPrecisionTest {

    @Test
    void refitAsksForTheTrialsPrecision() {
        for (String precision : List.of("float32", "float64")) {
            List<Precision> asked = new ArrayList<>();
            Refit refit = new Refit(p -> {
                asked.add(p);
                return Gemms.fastest(p);
            });
            Refit.Outcome outcome = refit.run(TestParams.defaultsWith("precision", precision, "epochs", 5),
                    DatasetTables.of(BuiltinDatasets.load("iris")), 7, 0, () -> false);
            assertThat(outcome).isInstanceOf(Refit.Trained.class);
            assertThat(asked).containsOnly(Precision.valueOf(precision.toUpperCase(java.util.Locale.ROOT)));
        }
    }
}
