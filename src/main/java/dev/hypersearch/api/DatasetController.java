package dev.hypersearch.api;

import dev.hypersearch.data.BuiltinDatasets;
import dev.hypersearch.data.CsvDatasetReader;
import dev.hypersearch.data.Task;
import dev.hypersearch.search.SearchSpec;
import dev.hypersearch.security.AuditLog;
import dev.hypersearch.security.Caller;
import dev.hypersearch.store.DatasetCatalog;
import dev.hypersearch.text.StoredText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.headers.Header;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Built-in and uploaded data sets. Upload size is capped by spring.servlet.multipart.* (413 beyond). */
@RestController
@RequestMapping("/api/datasets")
public class DatasetController {

    /**
     * Names appear in URLs and file names: a safe alphabet, starting with a letter or digit so that no name
     * is a path segment of its own ({@code .} and {@code ..} would make the Location header point elsewhere).
     */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    static final String NAME_RULE = "1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit";

    private final DatasetCatalog catalog;
    private final DatasetListing listing;
    private final AuditLog audit;

    public DatasetController(DatasetCatalog catalog, DatasetListing listing, AuditLog audit) {
        this.audit = audit;
        this.catalog = catalog;
        this.listing = listing;
    }

    @Operation(summary = "Built-in data sets first, then uploaded ones by name")
    @GetMapping
    public List<DatasetInfo> list() {
        List<DatasetInfo> all = new ArrayList<>();
        BuiltinDatasets.names().forEach(n -> all.add(DatasetInfo.builtin(BuiltinDatasets.load(n))));
        listing.findAllRows().forEach(r -> all.add(DatasetInfo.uploaded(r)));
        return all;
    }

    @Operation(summary = "One data set by name")
    @GetMapping("/{name}")
    public DatasetInfo get(@PathVariable String name) {
        if (StoredText.problem(name, SearchSpec.MAX_DATASET_LENGTH) != null) {
            throw new NotFoundException("dataset", name); // no such name can be stored; PostgreSQL refuses NUL
        }
        if (BuiltinDatasets.contains(name)) {
            return DatasetInfo.builtin(BuiltinDatasets.load(name));
        }
        return listing.findRow(name).map(DatasetInfo::uploaded).orElseThrow(() -> new NotFoundException("dataset", name));
    }

    @Operation(summary = "Upload a CSV with a header row; the label is the last column unless labelColumn names it")
    @ApiResponse(responseCode = "201", description = "Created; Location is its URL", useReturnTypeSchema = true,
            headers = @Header(name = "Location", description = "URL of the new data set", required = true,
                    schema = @Schema(type = "string", format = "uri")))
    @ApiResponse(responseCode = "409", description = "A data set of that name exists")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<DatasetInfo> upload(@RequestPart("file") MultipartFile file,
                                              @RequestParam("name") String name,
                                              @RequestParam(name = "labelColumn", required = false) String labelColumn,
                                              @RequestParam(name = "task", required = false) String task)
            throws IOException {
        if (!NAME.matcher(name).matches()) {
            throw new BadParameterException("name", "must be " + NAME_RULE + " (" + NAME.pattern() + ")");
        }
        String labelProblem = labelColumn == null ? null : StoredText.problem(labelColumn, CsvDatasetReader.MAX_COLUMN_NAME_LENGTH);
        if (labelProblem != null) {
            throw new BadParameterException("labelColumn", labelProblem);
        }
        Task parsedTask = task(task);
        if (catalog.exists(name)) {
            throw new ConflictException("a dataset named '" + name + "' already exists");
        }
        catalog.upload(name, labelColumn, parsedTask, file.getBytes(), Caller.current().owner());
        audit.record(AuditLog.Action.CREATE, "dataset", name);
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{name}").buildAndExpand(name).toUri();
        return ResponseEntity.created(location).body(get(name));
    }

    private static Task task(String task) {
        if (task == null || task.isBlank()) {
            return Task.CLASSIFICATION;
        }
        return switch (task.strip().toLowerCase(Locale.ROOT)) {
            case "classification" -> Task.CLASSIFICATION;
            case "regression" -> Task.REGRESSION;
            default -> throw new BadParameterException("task", "must be classification or regression, was '" + task + "'");
        };
    }
}
