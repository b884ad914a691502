package dev.hypersearch.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The data sets a search can name without uploading anything: four small UCI classification sets
 * shipped as classpath CSVs under {@code datasets/} (provenance and license in datasets/README.md), and
 * three generated ones with fixed seeds. Each set is built once and cached; Datasets are immutable, so
 * the cached instance is shared.
 */
public final class BuiltinDatasets {

    /** Seed of the generated sets: fixed so "xor" means the same rows in every process. */
    public static final long SEED = 42;

    private static final Map<String, Supplier<Dataset>> SOURCES = new LinkedHashMap<>();

    static {
        SOURCES.put("digits", () -> csv("digits", List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")));
        SOURCES.put("iris", () -> csv("iris", List.of("setosa", "versicolor", "virginica")));
        SOURCES.put("wine", () -> csv("wine", List.of("class_0", "class_1", "class_2")));
        SOURCES.put("breast_cancer", () -> csv("breast_cancer", List.of("malignant", "benign")));
        SOURCES.put("xor", () -> GeneratedDatasets.xor(200, 0.35, SEED));
        SOURCES.put("spiral", () -> GeneratedDatasets.spiral(100, 3, 0.2, SEED));
        SOURCES.put("regression", () -> GeneratedDatasets.regression(200, 0.1, SEED));
    }

    private static final Map<String, Dataset> CACHE = new ConcurrentHashMap<>();

    private BuiltinDatasets() {
    }

    /** All built-in names, CSV sets first, in a stable order. */
    public static List<String> names() {
        return List.copyOf(SOURCES.keySet());
    }

    public static boolean contains(String name) {
        return SOURCES.containsKey(name);
    }

    /** The named set, loaded on first use. */
    public static Dataset load(String name) {
        Supplier<Dataset> source = name == null ? null : SOURCES.get(name);
        if (source == null) {
            throw new IllegalArgumentException(
                    "unknown built-in dataset '" + name + "'; known: " + String.join(", ", names()));
        }
        return CACHE.computeIfAbsent(name, key -> source.get());
    }

    private static Dataset csv(String name, List<String> classNames) {
        String resource = "/datasets/" + name + ".csv";
        try (InputStream in = BuiltinDatasets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            return new CsvDatasetReader().withLabelColumn("label").read(name, in).withClassNames(classNames);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
