package dev.hypersearch.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TrialParamsTest {

    @Test
    void typedValuesAndTheCanonicalOrder() {
        TrialParams p = TestParams.defaultsWith("batchNorm", true, "activation", "relu", "epochs", 20,
                "learningRate", 0.01);
        assertThat(p.learningRate()).isEqualTo(0.01);
        assertThat(p.epochs()).isEqualTo(20);
        assertThat(p.activation()).isEqualTo(TrialParams.Activation.relu);
        assertThat(p.batchNorm()).isTrue();
        assertThat(p.values().keySet()).containsExactlyElementsOf(TestParams.namesUnderDefaults());
        assertThat(p.values()).containsEntry("activation", "relu").containsEntry("epochs", 20);
    }

    @Test
    void integersAcceptIntegralNumbersOnly() {
        assertThat(TestParams.defaultsWith("epochs", 3L).epochs()).isEqualTo(3);
        assertThat(TestParams.defaultsWith("epochs", 4.0).epochs()).isEqualTo(4);
        assertThatThrownBy(() -> TestParams.defaultsWith("epochs", 2.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TestParams.defaultsWith("activation", 3)).isInstanceOf(IllegalArgumentException.class);
        Map<String, Object> missing = new HashMap<>(TestParams.defaultsWith().values());
        missing.remove("hiddenUnits");
        assertThatThrownBy(() -> TrialParams.of(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hiddenUnits");
    }

    @Test
    void immutableAndEqualByContent() {
        Map<String, Object> source = new HashMap<>(TestParams.defaultsWith("hiddenUnits", 1).values());
        TrialParams p = TrialParams.of(source);
        source.put("hiddenUnits", 2);
        assertThat(p.hiddenUnits()).isEqualTo(1);
        assertThatThrownBy(() -> p.values().put("z", 1)).isInstanceOf(UnsupportedOperationException.class);
        TrialParams q = TestParams.defaultsWith("hiddenUnits", 1);
        assertThat(p).isEqualTo(q).hasSameHashCodeAs(q);
        assertThat(p).isNotEqualTo(TestParams.defaultsWith("hiddenUnits", 2));
        assertThat(TrialParams.of(p.values())).isEqualTo(p);
    }

    /** The record is the catalogue in typed form: same names, same order, same categories. */
    @Test
    void oneComponentPerCatalogueParameterInCanonicalOrder() {
        assertThat(Arrays.stream(TrialParams.class.getRecordComponents()).map(c -> c.getName()).toList())
                .containsExactlyElementsOf(MlpParameters.names());
        Function<Enum<?>[], List<String>> names = values -> Arrays.stream(values).map(Enum::name).toList();
        assertThat(names.apply(TrialParams.Activation.values()))
                .isEqualTo(MlpParameters.find(MlpParameters.ACTIVATION).orElseThrow().allowed());
        assertThat(names.apply(TrialParams.Init.values()))
                .isEqualTo(MlpParameters.find(MlpParameters.INIT).orElseThrow().allowed());
        assertThat(names.apply(TrialParams.Optimizer.values()))
                .isEqualTo(MlpParameters.find(MlpParameters.OPTIMIZER).orElseThrow().allowed());
        assertThat(names.apply(TrialParams.Precision.values()))
                .isEqualTo(MlpParameters.find(MlpParameters.PRECISION).orElseThrow().allowed());
    }

    /**
     * Precision is the last parameter, float32 unless set; a row stored before it existed reads as float64, what
     * it trained at, whatever today's default.
     */
    @Test
    void precisionDefaultsToFloat32AndOldRowsReadAsFloat64() {
        assertThat(MlpParameters.names()).last().isEqualTo("precision");
        assertThat(TestParams.defaultsWith().precision()).isEqualTo(TrialParams.Precision.float32);
        assertThat(TestParams.defaultsWith("precision", "float64").precision())
                .isEqualTo(TrialParams.Precision.float64);
        TrialParams f32 = TestParams.defaultsWith("precision", "float32");
        assertThat(f32.precision()).isEqualTo(TrialParams.Precision.float32);
        assertThat(f32.values()).containsEntry("precision", "float32");
        assertThatThrownBy(() -> TestParams.defaultsWith("precision", "float16"))
                .isInstanceOf(IllegalArgumentException.class);

        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        Map<String, Object> stored = new HashMap<>(f32.values());
        stored.remove("precision");
        TrialParams old = json.readValue(json.writeValueAsString(stored), TrialParams.class);
        assertThat(old.precision()).isEqualTo(TrialParams.Precision.float64);
        assertThat(json.readValue(json.writeValueAsString(f32), TrialParams.class)).isEqualTo(f32);
    }
}
