package dev.hypersearch.store;

import dev.hypersearch.data.BuiltinDatasets;
import dev.hypersearch.data.CsvDatasetReader;
import dev.hypersearch.data.Dataset;
import dev.hypersearch.data.DatasetShape;
import dev.hypersearch.data.Task;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every data set a search may name: the built-in ones shipped in the jar, and uploaded CSV files kept in
 * the database so that every worker process reads the same bytes.
 */
@Service
public class DatasetCatalog {

    private final DatasetRepository uploads;

    public DatasetCatalog(DatasetRepository uploads) {
        this.uploads = uploads;
    }

    public boolean exists(String name) {
        return BuiltinDatasets.names().contains(name) || uploads.existsByName(name);
    }

    /** Loads and parses a data set by name; empty when no such set exists. */
    @Transactional(readOnly = true)
    public Optional<Dataset> load(String name) {
        if (BuiltinDatasets.names().contains(name)) {
            return Optional.of(BuiltinDatasets.load(name));
        }
        return uploads.findByName(name).map(e -> parse(e.getName(), e.getLabelColumn(),
                Task.valueOf(e.getTask()), e.getContent()));
    }

    /**
     * A data set's rows, features and classes; for an upload read from the columns recorded at upload, so
     * sizing a search never parses its CSV (built-in sets are parsed once per process and cached).
     */
    public Optional<DatasetShape> shape(String name) {
        if (BuiltinDatasets.names().contains(name)) {
            return Optional.of(DatasetShape.of(BuiltinDatasets.load(name)));
        }
        return uploads.findShapeByName(name);
    }

    /** Parses the upload with the engine's reader (errors name line and column) and stores it verbatim. */
    @Transactional
    public DatasetEntity upload(String name, String labelColumn, Task task, byte[] csv, String owner) {
        Dataset parsed = parse(name, labelColumn, task, csv);
        return uploads.save(new DatasetEntity(name, task.name(), parsed.targetName(), parsed.size(),
                parsed.numFeatures(), parsed.isClassification() ? parsed.numClasses() : null, csv, Instant.now(), owner));
    }

    private static Dataset parse(String name, String labelColumn, Task task, byte[] csv) {
        CsvDatasetReader reader = new CsvDatasetReader().withTask(task);
        if (labelColumn != null && !labelColumn.isBlank()) {
            reader = reader.withLabelColumn(labelColumn);
        }
        return reader.read(name, new ByteArrayInputStream(csv));
    }
}
