package dev.hypersearch.api;

import dev.hypersearch.data.BuiltinDatasets;
import dev.hypersearch.data.CsvDatasetReader;
import dev.hypersearch.data.Task;
import dev.hypersearch.data.ingest.ColumnOverride;
import dev.hypersearch.data.ingest.DatasetProfile;
import dev.hypersearch.data.ingest.TableIngest;
import dev.hypersearch.search.SearchSpec;
import dev.hypersearch.security.AuditLog;
import dev.hypersearch.security.Caller;
import dev.hypersearch.store.DatasetCatalog;
import dev.hypersearch.text.StoredText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.headers.Header;
import java.io.IOException;
import java.io.InputStream;
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
import tools.jackson.databind.ObjectMapper;

/** Built-in and uploaded data sets. Upload size is capped by hypersearch.datasets.max-upload-size (413 beyond). */
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
    private final ObjectMapper json;
    private final AuditLog audit;

    public DatasetController(DatasetCatalog catalog, DatasetListing listing, ObjectMapper json, AuditLog audit) {
        this.audit = audit;
        this.catalog = catalog;
        this.listing = listing;
        this.json = json;
    }

    @Operation(summary = "Built-in data sets first, then uploaded ones by name")
    @GetMapping
    public List<DatasetInfo> list() {
        List<DatasetInfo> all = new ArrayList<>();
        BuiltinDatasets.names().forEach(n -> all.add(DatasetInfo.builtin(BuiltinDatasets.load(n))));
        listing.findAllRows().forEach(r -> all.add(uploaded(r)));
        return all;
    }

    @Operation(summary = "One data set by name, with its column profile")
    @GetMapping("/{name}")
    public DatasetInfo get(@PathVariable String name) {
        if (StoredText.problem(name, SearchSpec.MAX_DATASET_LENGTH) != null) {
            throw new NotFoundException("dataset", name); // no such name can be stored; PostgreSQL refuses NUL
        }
        if (BuiltinDatasets.contains(name)) {
            return DatasetInfo.builtin(BuiltinDatasets.load(name));
        }
        return listing.findRow(name).map(this::uploaded).orElseThrow(() -> new NotFoundException("dataset", name));
    }

    private DatasetInfo uploaded(DatasetListing.Row r) {
        return DatasetInfo.uploaded(r, r.getProfile() == null ? null : json.readValue(r.getProfile(), DatasetProfile.class));
    }

    @Operation(summary = "Upload delimited text with a header row (comma, semicolon or tab; UTF-8, optionally"
            + " gzip-compressed) and get its column profile",
            description = "Each column gets an inferred type and role; `columns` overrides them. The label is"
                    + " `labelColumn`, else the column an override makes the label, else the last column. The task is"
                    + " inferred from the label unless `task` is given. With `dryRun=true` nothing is stored and the"
                    + " answer is 200 with the profile the upload would have.")
    @ApiResponse(responseCode = "201", description = "Created; Location is its URL", useReturnTypeSchema = true,
            headers = @Header(name = "Location", description = "URL of the new data set", required = true,
                    schema = @Schema(type = "string", format = "uri")))
    @ApiResponse(responseCode = "200", description = "Dry run: the profile, nothing stored", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "A data set of that name exists")
    @ApiResponse(responseCode = "413", description = "The file is larger than hypersearch.datasets.max-upload-size")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = UploadForm.class),
            encoding = @Encoding(name = "columns", contentType = MediaType.APPLICATION_JSON_VALUE)))
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<DatasetInfo> upload(
            @Parameter(hidden = true) @RequestPart("file") MultipartFile file,
            @Parameter(hidden = true) @RequestParam("name") String name,
            @Parameter(hidden = true) @RequestParam(name = "labelColumn", required = false) String labelColumn,
            @Parameter(hidden = true) @RequestParam(name = "task", required = false) String task,
            @Parameter(hidden = true) @RequestParam(name = "columns", required = false) String columns,
            @Parameter(hidden = true) @RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun)
            throws IOException {
        if (!NAME.matcher(name).matches()) {
            throw new BadParameterException("name", "must be " + NAME_RULE + " (" + NAME.pattern() + ")");
        }
        String labelProblem = labelColumn == null ? null : StoredText.problem(labelColumn, CsvDatasetReader.MAX_COLUMN_NAME_LENGTH);
        if (labelProblem != null) {
            throw new BadParameterException("labelColumn", labelProblem);
        }
        Task parsedTask = task(task);
        List<ColumnOverride> overrides = ColumnChoices.parse(columns, json);
        if (catalog.exists(name)) {
            throw new ConflictException("a dataset named '" + name + "' already exists");
        }
        TableIngest.Request request = new TableIngest.Request(name, labelColumn, parsedTask, overrides);
        DatasetCatalog.Uploaded uploaded;
        try (InputStream in = file.getInputStream()) {
            uploaded = catalog.upload(request, in, dryRun, Caller.current().owner());
        }
        if (dryRun) {
            return ResponseEntity.ok(DatasetInfo.profiled(name, uploaded.profile()));
        }
        audit.record(AuditLog.Action.CREATE, "dataset", name);
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{name}").buildAndExpand(name).toUri();
        return ResponseEntity.created(location).body(get(name));
    }

    /** null = inferred from the label. */
    private static Task task(String task) {
        if (task == null || task.isBlank()) {
            return null;
        }
        return switch (task.strip().toLowerCase(Locale.ROOT)) {
            case "classification" -> Task.CLASSIFICATION;
            case "regression" -> Task.REGRESSION;
            default -> throw new BadParameterException("task", "must be classification or regression, was '" + task + "'");
        };
    }
}
