package dev.hypersearch.search;

import static dev.hypersearch.search.SpecFixtures.choice;
import static dev.hypersearch.search.SpecFixtures.obj;
import static dev.hypersearch.search.SpecFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * New searches train float32 unless they say otherwise, and their stored form says which; a search or stage stored
 * without precision (while float64 was the default) reads, and so trains, as float64.
 */
class StoredSpaceTest {

    private static TrialParams.Precision precisionOf(SearchSpec spec) {
        return Strategies.create(spec).paramsFor(0).precision();
    }

    @Test
    void aNewSpecWithoutPrecisionTrainsFloat32() {
        SearchSpec spec = SearchSpec.parse(spec("random", 3, obj("epochs", 5)));
        assertThat(spec.space().get(MlpParameters.PRECISION)).isEqualTo(new Distribution.Fixed("float32"));
        assertThat(precisionOf(spec)).isEqualTo(TrialParams.Precision.float32);
        assertThat(precisionOf(SearchSpec.parse(spec("random", 3, null)))).isEqualTo(TrialParams.Precision.float32);
    }

    @Test
    void theSubmittedFormNamesThePrecisionOfTheDayAndKeepsAGivenOne() {
        assertThat(StoredSpace.atSubmission(obj("epochs", 5))).containsExactly(Map.entry("epochs", 5),
                Map.entry("precision", "float32"));
        assertThat(StoredSpace.atSubmission(null)).containsExactly(Map.entry("precision", "float32"));
        assertThat(StoredSpace.atSubmission(obj("precision", "float64"))).containsEntry("precision", "float64");
        Map<String, Object> both = obj("precision", choice("float32", "float64"));
        assertThat(StoredSpace.atSubmission(both)).isEqualTo(both);
    }

    @Test
    void aSpecStoredWithoutPrecisionReadsAsFloat64() {
        Map<String, Object> old = spec("random", 3, obj("epochs", 5));
        SearchSpec spec = SearchSpec.fromStored(old);
        assertThat(spec.space().get(MlpParameters.PRECISION)).isEqualTo(new Distribution.Fixed("float64"));
        assertThat(precisionOf(spec)).isEqualTo(TrialParams.Precision.float64);
        // apart from precision, the same search as submitted
        Map<String, Object> explicit = spec("random", 3, obj("epochs", 5, "precision", "float64"));
        assertThat(spec).isEqualTo(SearchSpec.parse(explicit));
        assertThat(StoredSpace.specAsStored(old)).isEqualTo(explicit);
        assertThat(old.get("space")).as("the stored map itself is not changed").isEqualTo(obj("epochs", 5));
    }

    @Test
    void aSpecStoredWithItsPrecisionKeepsIt() {
        Map<String, Object> stored = spec("random", 3, StoredSpace.atSubmission(obj("epochs", 5)));
        assertThat(precisionOf(SearchSpec.fromStored(stored))).isEqualTo(TrialParams.Precision.float32);
        Map<String, Object> searched = spec("grid", null, obj("precision", choice("float32", "float64")));
        SearchSpec spec = SearchSpec.fromStored(searched);
        Strategy grid = Strategies.create(spec);
        assertThat(List.of(grid.paramsFor(0).precision(), grid.paramsFor(1).precision()))
                .containsExactly(TrialParams.Precision.float32, TrialParams.Precision.float64);
    }

    @Test
    void aStageSpaceStoredWithoutPrecisionReadsAsFloat64() {
        Map<String, Object> stage = Space.defaults().toRaw().entrySet().stream()
                .filter(e -> !e.getKey().equals(MlpParameters.PRECISION))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(Space.parseStored(stage).get(MlpParameters.PRECISION)).isEqualTo(new Distribution.Fixed("float64"));
        assertThat(Space.parse(stage).get(MlpParameters.PRECISION)).isEqualTo(new Distribution.Fixed("float32"));
        Space today = Space.defaults();
        assertThat(Space.parseStored(today.toRaw())).isEqualTo(today);
    }
}
