package dev.hypersearch.api;

import dev.hypersearch.search.Interval;
import dev.hypersearch.search.MlpParameters;
import dev.hypersearch.search.Parameter;
import dev.hypersearch.search.ParameterType;
import dev.hypersearch.search.PrunerSpec;
import dev.hypersearch.search.SearchOptions;
import dev.hypersearch.search.SearchSpec;
import dev.hypersearch.search.Setting;
import dev.hypersearch.search.StrategyType;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema of a search spec as {@code SearchSpec.parse} accepts it, generated from the parameter catalogue
 * and the parsers' settings so that the documented body cannot drift from the checked one. A parameter takes a
 * plain value or a distribution: {@code {"choice": [...]}}, {@code {"intRange": {min, max, step?}}} (int
 * parameters), {@code {"floatRange": {min, max, log?, points?}}} (float parameters).
 */
final class SearchSpecSchema {

    static final String SPEC = "SearchSpec";
    static final String SPACE = "Space";
    static final String PRUNER = "PrunerChoice";

    private SearchSpecSchema() {
    }

    /** The named schemas: the spec, its space and its pruner field. */
    static Map<String, Schema> components() {
        Map<String, Schema> m = new LinkedHashMap<>();
        m.put(SPEC, spec());
        m.put(SPACE, space());
        m.put(PRUNER, pruner());
        return m;
    }

    private static Schema<Object> spec() {
        Schema<Object> s = Schemas.closedObject().description("A search: what to train on, what to vary, how, with"
                + " what budget and seed. Every problem is reported at once as a 400 naming its field.");
        s.addProperty("name", Schemas.string().minLength(1).maxLength(SearchSpec.MAX_NAME_LENGTH));
        s.addProperty("dataset", Schemas.string().minLength(1).maxLength(SearchSpec.MAX_DATASET_LENGTH).description("A name GET /api/datasets lists"));
        Schema<Object> strategy = Schemas.string();
        Arrays.stream(StrategyType.values()).forEach(t -> strategy.addEnumItemObject(t.wireName()));
        s.addProperty("strategy", strategy);
        s.addProperty("maxTrials", Schemas.integer(1, (long) Integer.MAX_VALUE)
                .description("Trial budget: required for random and tpe, optional for grid, stages x trialsPerStage"
                        + " for coarse-to-fine"));
        s.addProperty("seed", Schemas.typed("integer").format("int64")
                .description("Makes the search replayable; drawn (below 2^53) and stored when absent"));
        s.addProperty("validationFraction", number(new Interval(0, false, SearchSpec.MAX_VALIDATION_FRACTION, true))
                ._default(SearchSpec.DEFAULT_VALIDATION_FRACTION).description("Holdout fraction; not with validation"));
        s.addProperty("maxFailedTrials", Schemas.integer(0, (long) Integer.MAX_VALUE));
        s.addProperty("space", Schemas.ref(SPACE));
        s.addProperty("pruner", Schemas.ref(PRUNER));
        s.addProperty("coarseToFine", settings(SearchOptions.strategies().stream()
                .filter(o -> o.name().equals(StrategyType.COARSE_TO_FINE.wireName())).findFirst().orElseThrow()
                .settings()).description("Required with, and only with, the coarse-to-fine strategy"));
        s.addProperty("tpe", settings(SearchOptions.strategies().stream()
                .filter(o -> o.name().equals(StrategyType.TPE.wireName())).findFirst().orElseThrow()
                .settings()).description("Only with the tpe strategy; every setting optional"));
        Schema<Object> validation = Schemas.closedObject().description("k-fold cross-validation instead of a holdout");
        validation.addProperty("folds", Schemas.integer(SearchSpec.MIN_FOLDS, (long) SearchSpec.MAX_FOLDS));
        validation.addRequiredItem("folds");
        s.addProperty("validation", validation);
        s.addProperty("sanityCheck", Schemas.bool()._default(false));
        s.required(List.of("name", "dataset", "strategy"));
        return s;
    }

    private static Schema<Object> space() {
        Schema<Object> s = Schemas.closedObject().description("Each parameter fixed or searched; unset ones take"
                + " their default (GET /api/parameters)");
        for (Parameter p : MlpParameters.all()) {
            List<Schema> forms = new ArrayList<>();
            forms.add(value(p));
            forms.add(choice(p));
            switch (p.type()) {
                case INT -> forms.add(intRange(p));
                case FLOAT -> forms.add(floatRange(p));
                default -> { }
            }
            s.addProperty(p.name(), Schemas.oneOf(forms).description(p.description()));
        }
        return s;
    }

    /** One plain value of the parameter, within its bounds. */
    private static Schema<Object> value(Parameter p) {
        return switch (p.type()) {
            case FLOAT -> number(p.bounds());
            case INT -> Schemas.integer((long) p.bounds().min(), (long) p.bounds().max());
            case CATEGORICAL -> {
                Schema<Object> s = Schemas.string();
                p.allowed().forEach(s::addEnumItemObject);
                yield s;
            }
            case BOOLEAN -> Schemas.bool();
        };
    }

    private static Schema<Object> choice(Parameter p) {
        Schema<Object> s = Schemas.closedObject();
        s.addProperty("choice", Schemas.array(value(p)).minItems(1).maxItems(SearchOptions.MAX_CHOICES)
                .uniqueItems(true));
        s.addRequiredItem("choice");
        return s;
    }

    private static Schema<Object> intRange(Parameter p) {
        Schema<Object> range = Schemas.closedObject();
        range.addProperty("min", value(p));
        range.addProperty("max", value(p));
        range.addProperty("step", Schemas.integer(1, null)._default(1));
        range.required(List.of("min", "max"));
        return wrap("intRange", range);
    }

    private static Schema<Object> floatRange(Parameter p) {
        Schema<Object> range = Schemas.closedObject();
        range.addProperty("min", value(p));
        range.addProperty("max", value(p));
        range.addProperty("log", Schemas.bool()._default(false).description("Sample on a log scale; min must be > 0"));
        range.addProperty("points", Schemas.integer(1, (long) SearchOptions.MAX_POINTS)
                .description("Grid points from min to max; required by the grid strategy"));
        range.required(List.of("min", "max"));
        return wrap("floatRange", range);
    }

    /** {@code "none"}, {@code "median"}, {@code "asha"}, or one pruner with settings. */
    private static Schema<Object> pruner() {
        Schema<Object> name = Schemas.string();
        PrunerSpec.NAMES.forEach(name::addEnumItemObject);
        List<Schema> forms = new ArrayList<>();
        forms.add(name);
        for (SearchOptions.Option o : SearchOptions.pruners()) {
            if (!o.settings().isEmpty()) {
                forms.add(wrap(o.name(), settings(o.settings())));
            }
        }
        return Schemas.oneOf(forms).description("Early stopping of bad trials; \"none\" by default");
    }

    private static Schema<Object> settings(List<Setting> settings) {
        Schema<Object> s = Schemas.closedObject();
        for (Setting setting : settings) {
            Schema<Object> v = setting.type() == ParameterType.INT
                    ? Schemas.integer((long) setting.bounds().min(), (long) setting.bounds().max())
                    : number(setting.bounds());
            if (setting.defaultValue() == null) {
                s.addRequiredItem(setting.name());
            } else {
                v._default(setting.defaultValue());
            }
            s.addProperty(setting.name(), v.description(setting.description()));
        }
        return s;
    }

    private static Schema<Object> wrap(String key, Schema<Object> body) {
        Schema<Object> s = Schemas.closedObject();
        s.addProperty(key, body);
        s.addRequiredItem(key);
        return s;
    }

    private static Schema<Object> number(Interval bounds) {
        Schema<Object> s = Schemas.typed("number");
        BigDecimal min = BigDecimal.valueOf(bounds.min());
        BigDecimal max = BigDecimal.valueOf(bounds.max());
        if (bounds.minInclusive()) {
            s.minimum(min);
        } else {
            s.exclusiveMinimumValue(min);
        }
        return bounds.maxInclusive() ? s.maximum(max) : s.exclusiveMaximumValue(max);
    }
}
