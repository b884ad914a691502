package dev.hypersearch.search;

import static dev.hypersearch.search.SpecFixtures.choice;
import static dev.hypersearch.search.SpecFixtures.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hypersearch.search.Distribution.Fixed;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpaceTest {

    @Test
    void missingParametersTakeTheirDefaults() {
        Space s = Space.defaults();
        assertThat(s.gridSize()).isEqualTo(1);
        assertThat(s.searchedNames()).isEmpty();
        TrialParams p = s.gridPoint(0);
        for (Parameter param : MlpParameters.all()) {
            if (param.optional()) {
                assertThat(s.distributions()).doesNotContainKey(param.name());
                continue;
            }
            assertThat(s.get(param.name())).isEqualTo(new Fixed(param.defaultValue()));
            if (MlpParameters.isActive(param.name(), p.values())) {
                assertThat(p.values().get(param.name())).isEqualTo(param.defaultValue());
            } else {
                assertThat(p.values()).doesNotContainKey(param.name());
            }
        }
    }

    @Test
    void everyDefaultPassesItsOwnCheck() {
        for (Parameter p : MlpParameters.all().stream().filter(p -> !p.optional()).toList()) {
            Errors errors = new Errors();
            assertThat(p.check(p.defaultValue(), p.name(), errors)).as(p.name()).isEqualTo(p.defaultValue());
            assertThat(errors.isEmpty()).isTrue();
        }
    }

    @Test
    void numbersAreCanonicalWhateverTheBinderProduced() {
        Space a = Space.parse(obj("epochs", 30, "l2", 0, "learningRate", 0.5, "hiddenUnits", choice(32, 64)));
        Space b = Space.parse(obj("epochs", 30.0, "l2", 0.0, "learningRate", new BigDecimal("0.5"),
                "hiddenUnits", choice(BigInteger.valueOf(32), 64L)));
        assertThat(a).isEqualTo(b);
        assertThat(a.gridPoint(1)).isEqualTo(b.gridPoint(1));
        assertThat(a.gridPoint(0).values().get("epochs")).isInstanceOf(Integer.class);
        assertThat(a.gridPoint(0).values().get("l2")).isInstanceOf(Double.class);
    }

    @Test
    void intRangeValuesBecomeIntegers() {
        TrialParams p = Space.parse(obj("hiddenLayers", SpecFixtures.intRange(2, 3, 1))).gridPoint(1);
        assertThat(p.hiddenLayers()).isEqualTo(3);
    }

    @Test
    void distributionsAreInCanonicalOrder() {
        Space s = Space.parse(obj("l2", 0.1, "epochs", 5, "activation", "tanh"));
        assertThat(List.copyOf(s.distributions().keySet())).isEqualTo(TestParams.requiredNames());
        assertThat(s.searchedNames()).isEmpty();
    }

    @Test
    void spaceErrorsCarryTheSpacePrefix() {
        SpecException e = catchThrowableOfType(SpecException.class,
                () -> Space.parse(obj("activation", "ReLU", "optimiser", "adam")));
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("space.optimiser", "space.activation");
        assertThat(e.errors().get(0).message()).contains("did you mean 'optimizer'");
        assertThat(e.errors().get(1).message()).contains("did you mean 'relu'");
    }

    @Test
    void errorOrderDoesNotDependOnKeyOrder() {
        Map<String, Object> one = obj("zzz", 1, "epochs", 0, "aaa", 1, "activation", "step");
        Map<String, Object> two = obj("activation", "step", "aaa", 1, "epochs", 0, "zzz", 1);
        assertThat(catchThrowableOfType(SpecException.class, () -> Space.parse(one)).errors())
                .isEqualTo(catchThrowableOfType(SpecException.class, () -> Space.parse(two)).errors());
    }
}
