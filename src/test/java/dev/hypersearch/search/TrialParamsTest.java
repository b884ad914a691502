package dev.hypersearch.search;

import static dev.hypersearch.search.SpecFixtures.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialParamsTest {

    @Test
    void typedGettersAndOrder() {
        TrialParams p = TrialParams.of(obj("learningRate", 0.01, "epochs", 20, "activation", "relu", "batchNorm", true));
        assertThat(p.getDouble("learningRate")).isEqualTo(0.01);
        assertThat(p.getInt("epochs")).isEqualTo(20);
        assertThat(p.getDouble("epochs")).isEqualTo(20.0);
        assertThat(p.getString("activation")).isEqualTo("relu");
        assertThat(p.getBoolean("batchNorm")).isTrue();
        assertThat(p.asMap().keySet()).containsExactly("learningRate", "epochs", "activation", "batchNorm");
    }

    @Test
    void getIntAcceptsIntegralNumbersOnly() {
        TrialParams p = TrialParams.of(obj("a", 3L, "b", 4.0, "c", 2.5));
        assertThat(p.getInt("a")).isEqualTo(3);
        assertThat(p.getInt("b")).isEqualTo(4);
        assertThatThrownBy(() -> p.getInt("c")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> p.getString("a")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> p.get("missing")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void immutableAndEqualByContent() {
        Map<String, Object> source = new HashMap<>(obj("x", 1, "y", "a"));
        TrialParams p = TrialParams.of(source);
        source.put("x", 2);
        assertThat(p.getInt("x")).isEqualTo(1);
        assertThatThrownBy(() -> p.asMap().put("z", 1)).isInstanceOf(UnsupportedOperationException.class);
        TrialParams q = TrialParams.of(obj("y", "a", "x", 1));
        assertThat(p).isEqualTo(q).hasSameHashCodeAs(q);
        assertThat(p).isNotEqualTo(TrialParams.of(obj("x", 1, "y", "b")));
    }
}
