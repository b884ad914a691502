package dev.hypersearch.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.hypersearch.search.Interval;
import dev.hypersearch.search.MlpParameters;
import dev.hypersearch.search.Parameter;
import dev.hypersearch.search.ParameterType;
import dev.hypersearch.search.SearchOptions;
import dev.hypersearch.search.Setting;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /api/parameters}: every hyperparameter a spec may set, and the strategies and pruners with their
 * settings, read from the search package's catalogue (which the spec parser checks against).
 *
 * @param parameters in canonical order
 */
public record ParameterCatalog(List<ParameterInfo> parameters, List<OptionInfo> strategies, List<OptionInfo> pruners) {

    static final ParameterCatalog CURRENT = new ParameterCatalog(
            MlpParameters.all().stream().map(ParameterInfo::of).toList(),
            SearchOptions.strategies().stream().map(OptionInfo::of).toList(),
            SearchOptions.pruners().stream().map(OptionInfo::of).toList());

    /** The kind of value a parameter or setting takes. */
    public enum ValueType {
        FLOAT, INT, CATEGORICAL, BOOLEAN;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        static ValueType of(ParameterType t) {
            return valueOf(t.name());
        }
    }

    /**
     * One hyperparameter. Bounds are given for numeric parameters only, allowed values for categorical ones.
     *
     * @param default   null for an optional parameter (a layer's own width, which is hiddenUnits unless given)
     * @param logScale  whether a range over it is usually searched on a log scale
     * @param condition when not null, the parameter has an effect only when it holds: otherwise it is not sampled,
     *                  does not multiply a grid, and is null in a trial's params
     */
    public record ParameterInfo(String name, ValueType type, @Nullable Number min, @Nullable Number max,
                                @Nullable Boolean minInclusive, @Nullable Boolean maxInclusive,
                                @Nullable List<String> values,
                                @JsonProperty("default") @Schema(types = {"number", "string", "boolean", "null"})
                                @Nullable Object defaultValue,
                                String description, boolean logScale, @Nullable Condition condition) {

        static ParameterInfo of(Parameter p) {
            ValueType type = ValueType.of(p.type());
            Interval b = p.bounds();
            Condition condition = p.condition() == null ? null : Condition.of(p.condition());
            return new ParameterInfo(p.name(), type, b == null ? null : number(type, b.min()),
                    b == null ? null : number(type, b.max()), b == null ? null : b.minInclusive(),
                    b == null ? null : b.maxInclusive(), type == ValueType.CATEGORICAL ? p.allowed() : null,
                    p.defaultValue(), p.description(), p.logScale(), condition);
        }
    }

    /**
     * The parameter applies only when {@code parameter} takes one of {@code values} (a category), or is at least
     * {@code atLeast} (an integer: {@code units2} applies when hiddenLayers >= 2); exactly one of the two is set.
     *
     * @param text the condition for people, e.g. "optimizer is momentum", "hiddenLayers >= 2"
     */
    public record Condition(String parameter, @Nullable List<String> values, @Nullable Integer atLeast, String text) {

        static Condition of(dev.hypersearch.search.Condition c) {
            if (c instanceof dev.hypersearch.search.Condition.AtLeast a) {
                return new Condition(a.parameter(), null, a.min(), a.text());
            }
            var o = (dev.hypersearch.search.Condition.OneOf) c;
            return new Condition(o.parameter(), o.values(), null, o.text());
        }
    }

    /** A strategy or pruner as a spec names it, with its settings (none for most). */
    public record OptionInfo(String name, String description, List<SettingInfo> settings) {

        static OptionInfo of(SearchOptions.Option o) {
            return new OptionInfo(o.name(), o.description(), o.settings().stream().map(SettingInfo::of).toList());
        }
    }

    /** A numeric setting of a strategy or pruner; {@code default} is null for a required one. */
    public record SettingInfo(String name, ValueType type, Number min, Number max, boolean minInclusive,
                              boolean maxInclusive, @JsonProperty("default") @Nullable Number defaultValue,
                              String description) {

        static SettingInfo of(Setting s) {
            ValueType type = ValueType.of(s.type());
            Interval b = s.bounds();
            return new SettingInfo(s.name(), type, number(type, b.min()), number(type, b.max()), b.minInclusive(),
                    b.maxInclusive(), s.defaultValue(), s.description());
        }
    }

    /**
     * A trial's params hold null for a parameter that does not apply (or a layer width left to hiddenUnits): the
     * conditional parameters' properties of the {@code TrialParams} schema say so (the search package's record
     * cannot carry the annotation).
     */
    static void conditionalParamsNullable(io.swagger.v3.oas.models.media.Schema<?> trialParams) {
        for (Parameter p : MlpParameters.all()) {
            io.swagger.v3.oas.models.media.Schema<?> property = trialParams.getProperties().get(p.name());
            if (p.condition() != null && property != null && property.getTypes() != null) {
                property.addType("null");
            }
        }
    }

    /** Bounds of an int parameter as integers, so clients read 1, not 1.0. */
    private static Number number(ValueType type, double x) {
        return type == ValueType.INT ? (Number) (long) x : (Number) x;
    }
}
