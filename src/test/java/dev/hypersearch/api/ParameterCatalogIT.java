package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.search.CoarseToFine;
import dev.hypersearch.search.TpeSettings;
import dev.hypersearch.search.MlpParameters;
import dev.hypersearch.search.PrunerSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /api/parameters: the catalogue a spec is checked against, with the defaults a spec leaving things out gets. */
class ParameterCatalogIT extends ApiIT {

    JsonNode catalogue() {
        Http.Response r = http.get("/api/parameters");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        return r.json();
    }

    static Map<String, JsonNode> byName(JsonNode list) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        list.forEach(n -> m.put(n.get("name").asString(), n));
        return m;
    }

    @Test
    void everyCatalogueParameterIsListedInCanonicalOrderWithItsDocumentation() {
        Map<String, JsonNode> params = byName(catalogue().get("parameters"));
        assertThat(params.keySet()).containsExactlyElementsOf(MlpParameters.names());
        for (JsonNode p : params.values()) {
            assertThat(p.get("description").asString()).as(p.toString()).isNotBlank();
            assertThat(p.get("logScale").isBoolean()).as(p.toString()).isTrue();
        }
        JsonNode lr = params.get("learningRate");
        assertThat(lr.get("type").asString()).isEqualTo("float");
        assertThat(lr.get("min").asDouble()).isZero();
        assertThat(lr.get("minInclusive").asBoolean()).isFalse();
        assertThat(lr.get("max").asDouble()).isEqualTo(10);
        assertThat(lr.get("maxInclusive").asBoolean()).isTrue();
        assertThat(lr.get("logScale").asBoolean()).isTrue();
        assertThat(lr.get("values").isNull()).isTrue();
        JsonNode epochs = params.get("epochs");
        assertThat(epochs.get("type").asString()).isEqualTo("int");
        assertThat(epochs.get("min").isIntegralNumber()).isTrue();
        assertThat(epochs.get("max").asInt()).isEqualTo(10_000);
        JsonNode activation = params.get("activation");
        assertThat(activation.get("type").asString()).isEqualTo("categorical");
        assertThat(activation.get("min").isNull()).isTrue();
        assertThat(activation.get("values").valueStream().map(JsonNode::asString).toList())
                .containsExactly("sigmoid", "tanh", "relu", "leaky_relu", "prelu", "elu", "linear");
        assertThat(params.get("batchNorm").get("type").asString()).isEqualTo("boolean");
        JsonNode precision = params.get("precision");
        assertThat(precision.get("type").asString()).isEqualTo("categorical");
        assertThat(precision.get("values").valueStream().map(JsonNode::asString).toList())
                .containsExactly("float32", "float64");
        assertThat(precision.get("default").asString()).isEqualTo("float32");
    }

    @Test
    void conditionsNameTheParameterValuesUnderWhichAParameterApplies() {
        Map<String, JsonNode> params = byName(catalogue().get("parameters"));
        Map<String, String> expected = new LinkedHashMap<>(Map.of("momentum", "optimizer=[momentum]",
                "beta1", "optimizer=[adam]", "beta2", "optimizer=[adam]", "leakySlope", "activation=[leaky_relu]",
                "eluAlpha", "activation=[elu]"));
        for (int layer = 1; layer <= MlpParameters.MAX_LAYERS; layer++) {
            expected.put("units" + layer, "hiddenLayers>=" + layer);
        }
        for (JsonNode p : params.values()) {
            String name = p.get("name").asString();
            JsonNode c = p.get("condition");
            if (!expected.containsKey(name)) {
                assertThat(c.isNull()).as(name).isTrue();
                continue;
            }
            String stated = c.get("values").isNull()
                    ? c.get("parameter").asString() + ">=" + c.get("atLeast").asInt()
                    : c.get("parameter").asString() + "=" + c.get("values").valueStream().map(JsonNode::asString)
                            .toList();
            assertThat(stated).as(name).isEqualTo(expected.get(name));
            assertThat(c.get("text").asString()).as(name).isNotBlank();
        }
        assertThat(params.get("units2").get("condition").get("text").asString()).isEqualTo("hiddenLayers >= 2");
        assertThat(params.get("units2").get("default").isNull()).as("hiddenUnits unless given").isTrue();
        assertThat(params.get("momentum").get("condition").get("text").asString())
                .isEqualTo("optimizer is momentum");
    }

    @Test
    void parameterDefaultsAreWhatASpecWithoutTheParameterUses() {
        Http.Response preview = http.postJson("/api/searches/preview",
                Map.of("name", "defaults", "dataset", "iris", "strategy", "grid", "seed", 1));
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        JsonNode used = preview.json().get("firstTrials").get(0).get("params");
        for (JsonNode p : catalogue().get("parameters")) {
            String name = p.get("name").asString();
            // Parameters that do not apply under the defaults (momentum under adam, units2..) are null, as is
            // units1, whose default is hiddenUnits.
            JsonNode expected = MlpParameters.isActive(name, Map.of("optimizer", "adam", "activation", "relu",
                    "hiddenLayers", 1)) ? p.get("default") : tools.jackson.databind.node.NullNode.getInstance();
            assertThat(used.get(name)).as(name).isEqualTo(expected);
        }
    }

    @Test
    void strategiesAndPrunersListTheirSettingsWithTheParsersDefaults() {
        JsonNode catalogue = catalogue();
        Map<String, JsonNode> strategies = byName(catalogue.get("strategies"));
        assertThat(strategies.keySet()).containsExactly("grid", "random", "coarse-to-fine", "tpe");
        Map<String, JsonNode> tpe = byName(strategies.get("tpe").get("settings"));
        assertThat(tpe.keySet()).containsExactly("startupTrials", "candidates", "gamma");
        assertThat(tpe.get("startupTrials").get("default").asInt()).isEqualTo(TpeSettings.DEFAULTS.startupTrials());
        assertThat(tpe.get("candidates").get("default").asInt()).isEqualTo(TpeSettings.DEFAULTS.candidates());
        assertThat(tpe.get("gamma").get("default").asDouble()).isEqualTo(TpeSettings.DEFAULTS.gamma());
        assertThat(tpe.get("gamma").get("maxInclusive").asBoolean()).isFalse();
        assertThat(strategies.get("grid").get("settings")).isEmpty();
        assertThat(strategies.get("random").get("settings")).isEmpty();
        Map<String, JsonNode> c2f = byName(strategies.get("coarse-to-fine").get("settings"));
        assertThat(c2f.keySet()).containsExactly("stages", "trialsPerStage", "topFraction");
        CoarseToFine omitted = CoarseToFine.parse(Map.of("trialsPerStage", 4));
        assertThat(c2f.get("stages").get("default").asInt()).isEqualTo(omitted.stages());
        assertThat(c2f.get("stages").get("min").asInt()).isEqualTo(2);
        assertThat(c2f.get("trialsPerStage").get("default").isNull()).as("required").isTrue();
        assertThat(c2f.get("topFraction").get("default").asDouble()).isEqualTo(omitted.topFraction());
        assertThat(c2f.get("topFraction").get("type").asString()).isEqualTo("float");
        assertThat(c2f.get("topFraction").get("minInclusive").asBoolean()).isFalse();

        Map<String, JsonNode> pruners = byName(catalogue.get("pruners"));
        assertThat(pruners.keySet()).containsExactly("none", "median", "asha");
        assertThat(pruners.get("none").get("settings")).isEmpty();
        Map<String, JsonNode> median = byName(pruners.get("median").get("settings"));
        Map<String, JsonNode> asha = byName(pruners.get("asha").get("settings"));
        assertThat(median.keySet()).containsExactly("warmupEpochs", "startupTrials");
        assertThat(asha.keySet()).containsExactly("minEpochs", "eta");
        PrunerSpec.Median m = (PrunerSpec.Median) PrunerSpec.parse(Map.of("median", Map.of()));
        PrunerSpec.Asha a = (PrunerSpec.Asha) PrunerSpec.parse(Map.of("asha", Map.of()));
        assertThat(median.get("warmupEpochs").get("default").asInt()).isEqualTo(m.warmupEpochs());
        assertThat(median.get("startupTrials").get("default").asInt()).isEqualTo(m.startupTrials());
        assertThat(asha.get("minEpochs").get("default").asInt()).isEqualTo(a.minEpochs());
        assertThat(asha.get("eta").get("default").asInt()).isEqualTo(a.eta());
        assertThat(asha.get("eta").get("min").asInt()).isEqualTo(2);
        for (JsonNode option : List.of(strategies.get("grid"), pruners.get("asha"))) {
            assertThat(option.get("description").asString()).isNotBlank();
        }
    }

    @Test
    void aSettingJustOutsideItsDocumentedBoundsIsRefused() {
        JsonNode eta = byName(byName(catalogue().get("pruners")).get("asha").get("settings")).get("eta");
        Map<String, Object> spec = randomSpec("eta", 2, 1, Map.of("epochs", 10));
        spec.put("pruner", Map.of("asha", Map.of("eta", eta.get("min").asInt() - 1)));
        assertRejectedNamingField("eta below its min", Http.JSON.writeValueAsString(spec), "pruner.asha.eta");
        spec.put("pruner", Map.of("asha", Map.of("eta", eta.get("min").asInt())));
        assertThat(http.postJson("/api/searches/preview", spec).status()).isEqualTo(200);
    }
}
