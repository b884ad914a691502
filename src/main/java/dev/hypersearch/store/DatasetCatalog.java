package dev.hypersearch.store;

import dev.hypersearch.DatasetSettings;
import dev.hypersearch.data.BuiltinDatasets;
import dev.hypersearch.data.CsvDatasetReader;
import dev.hypersearch.data.Dataset;
import dev.hypersearch.data.DatasetShape;
import dev.hypersearch.data.DatasetTables;
import dev.hypersearch.data.LabelCounts;
import dev.hypersearch.data.Task;
import dev.hypersearch.data.ingest.DatasetProfile;
import dev.hypersearch.data.ingest.TableIngest;
import dev.hypersearch.data.pipeline.FittedPipeline;
import dev.hypersearch.data.pipeline.InputWidth;
import dev.hypersearch.data.table.ColumnRole;
import dev.hypersearch.data.table.Table;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Every data set a search may name: the built-in ones shipped in the jar, and uploads kept in the database as typed
 * columns so that every worker process loads the same table.
 */
@Service
@EnableConfigurationProperties(DatasetSettings.class)
public class DatasetCatalog implements TableSource {

    /** An upload read, profiled and (unless a dry run) stored; {@code storedBytes} is 0 for a dry run. */
    public record Uploaded(DatasetProfile profile, long storedBytes) {
    }

    private final DatasetRepository uploads;
    private final DatasetColumns columns;
    private final TableIngest ingest;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    public DatasetCatalog(DatasetRepository uploads, DatasetColumns columns, DatasetSettings settings,
                          PlatformTransactionManager transactions, ObjectMapper json) {
        this.uploads = uploads;
        this.columns = columns;
        this.ingest = new TableIngest(settings.limits());
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
    }

    public boolean exists(String name) {
        return BuiltinDatasets.names().contains(name) || uploads.existsByName(name);
    }

    /** The typed table by name (built-in sets as all-numeric tables); empty when no such set exists. */
    @Override
    @Transactional(readOnly = true)
    public Optional<Table> table(String name) {
        if (BuiltinDatasets.names().contains(name)) {
            return Optional.of(DatasetTables.of(BuiltinDatasets.load(name)));
        }
        return uploads.findByName(name).map(e -> e.getContent() != null
                ? DatasetTables.of(legacy(e)) : columns.load(e.getId(), e.getName()));
    }

    /**
     * Rows and rows per class, for checking a spec's folds on the request thread: an upload's from its profile
     * (a million-row table is not loaded for it), a built-in set's from the cached set; an upload stored before
     * the profile recorded class counts is loaded.
     */
    @Transactional(readOnly = true)
    public Optional<LabelCounts> labelCounts(String name) {
        Optional<LabelCounts> recorded = profile(name).flatMap(p -> p.labelCounts(name));
        return recorded.isPresent() ? recorded : table(name).map(LabelCounts::of);
    }

    /** The stored profile of an upload; empty for built-in sets and uploads stored before profiles. */
    public Optional<DatasetProfile> profile(String name) {
        return uploads.findProfileByName(name).map(p -> json.readValue(p, DatasetProfile.class));
    }

    /**
     * A data set's rows, features and classes; for an upload read from the columns recorded at upload, so
     * sizing a search never loads its columns (built-in sets are parsed once per process and cached).
     */
    public Optional<DatasetShape> shape(String name) {
        if (BuiltinDatasets.names().contains(name)) {
            return Optional.of(DatasetShape.of(BuiltinDatasets.load(name)));
        }
        return uploads.findShapeByName(name).map(recorded -> profile(name)
                .map(p -> new DatasetShape(recorded.rows(), inputWidth(p), recorded.classes())).orElse(recorded));
    }

    /** The network's input width for a profiled upload: what the preprocessing makes of its feature columns. */
    private static int inputWidth(DatasetProfile p) {
        return p.columns().stream().filter(c -> c.role() == ColumnRole.FEATURE)
                .mapToInt(c -> InputWidth.of(c.type(), c.distinct(), c.missing() > 0, FittedPipeline.DEFAULT_LEVEL_LIMIT))
                .sum();
    }

    /**
     * Reads the file as it streams in (errors name line and column); unless {@code dryRun}, stores its typed columns
     * and profile in one transaction, so workers see all of it or nothing.
     */
    public Uploaded upload(TableIngest.Request request, InputStream file, boolean dryRun, String owner) {
        TableIngest.Result result = ingest.read(request, file);
        if (dryRun) {
            return new Uploaded(result.profile(), 0);
        }
        DatasetProfile p = result.profile();
        long bytes = transaction.execute(status -> {
            DatasetEntity saved = uploads.save(new DatasetEntity(request.name(), p.task().name(), p.label(), p.rows(),
                    (int) p.featureCount(), p.task() == Task.CLASSIFICATION ? p.classes().size() : null,
                    json.writeValueAsString(p), Instant.now(), owner));
            uploads.flush();
            return columns.insert(saved.getId(), result.table());
        });
        return new Uploaded(p, bytes);
    }

    /** An upload stored as CSV text before typed columns: parsed with the numeric reader it was accepted by. */
    private static Dataset legacy(DatasetEntity e) {
        CsvDatasetReader reader = new CsvDatasetReader().withTask(Task.valueOf(e.getTask()))
                .withLabelColumn(e.getLabelColumn());
        return reader.read(e.getName(), new ByteArrayInputStream(e.getContent()));
    }
}
