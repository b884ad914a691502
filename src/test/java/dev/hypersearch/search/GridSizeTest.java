package dev.hypersearch.search;

import static dev.hypersearch.search.SpecFixtures.choice;
import static dev.hypersearch.search.SpecFixtures.floatRange;
import static dev.hypersearch.search.SpecFixtures.intRange;
import static dev.hypersearch.search.SpecFixtures.obj;
import static dev.hypersearch.search.SpecFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Grid size is arithmetic: absurd grids fail at once, never by enumerating. */
class GridSizeTest {


    /** Every catalogue parameter with up to 100 distinct in-bounds choices (fewer where it has fewer values). */
    private static Map<String, Object> hundredChoicesEach() {
        Map<String, Object> space = new HashMap<>();
        for (Parameter p : MlpParameters.all()) {
            List<Object> values = new ArrayList<>();
            switch (p.type()) {
                case FLOAT -> {
                    for (int i = 1; i <= 100; i++) {
                        values.add(p.bounds().min() + (p.bounds().max() - p.bounds().min()) * i / 101);
                    }
                }
                case INT -> {
                    for (long v = (long) p.bounds().min(); v <= p.bounds().max() && values.size() < 100; v++) {
                        values.add(v);
                    }
                }
                case CATEGORICAL -> values.addAll(p.allowed());
                case BOOLEAN -> values.addAll(List.of(true, false));
            }
            space.put(p.name(), obj("choice", values));
        }
        return space;
    }

    @Test
    void overflowingGridFailsFast() {
        Map<String, Object> raw = spec("grid", null, hundredChoicesEach());
        // 100^16 grid points: this returns at all only because the size is computed, never enumerated.
        SpecException e = catchThrowableOfType(SpecException.class, () -> SearchSpec.parse(raw));
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("space");
        assertThat(e.errors().get(0).message()).contains("grid too large");
        // the same space is fine for random search: its size never matters there
        assertThat(SearchSpec.parse(spec("random", 100, hundredChoicesEach())).space().searchedNames())
                .hasSize(MlpParameters.all().size());
    }

    @Test
    void rangesWithManyPointsOverflowToo() {
        Map<String, Object> space = new HashMap<>();
        for (String name : List.of("learningRate", "eluAlpha", "l2")) {
            space.put(name, floatRange(1e-3, 1, true, 10_000));
        }
        for (String name : List.of("leakySlope", "momentum", "beta1", "beta2")) {
            space.put(name, floatRange(0, 0.99, false, 10_000));
        }
        space.put("batchSize", intRange(1, 100_000, 1));
        Space s = Space.parse(space);
        assertThatThrownBy(s::gridSize).isInstanceOf(ArithmeticException.class);
        SpecException e = catchThrowableOfType(SpecException.class, () -> SearchSpec.parse(spec("grid", 10, space)));
        assertThat(e.errors().get(0).message()).contains("grid too large");
    }

    @Test
    void capIsConfigurableAndInclusive() {
        Map<String, Object> raw = spec("grid", null, obj("hiddenUnits", choice(1, 2, 3), "epochs", choice(1, 2, 3, 4)));
        assertThat(SearchSpec.parse(raw, new SearchLimits(10, 12)).space().gridSize()).isEqualTo(12);
        SpecException e = catchThrowableOfType(SpecException.class, () -> SearchSpec.parse(raw, new SearchLimits(10, 11)));
        assertThat(e.errors().get(0).message()).contains("grid too large").contains("12").contains("11");
    }

    @Test
    void randomTrialCapIsConfigurable() {
        Map<String, Object> raw = spec("random", 6, obj());
        assertThat(SearchSpec.parse(raw, new SearchLimits(6, 100)).maxTrials()).isEqualTo(6);
        SpecException e = catchThrowableOfType(SpecException.class, () -> SearchSpec.parse(raw, new SearchLimits(5, 100)));
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("maxTrials");
    }
}
