package dev.hypersearch.api;

import dev.hypersearch.data.DatasetShape;
import dev.hypersearch.model.BadInputException;
import dev.hypersearch.model.OnnxModelFile;
import dev.hypersearch.model.RawRow;
import dev.hypersearch.model.TrainedModel;
import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.security.AuditLog;
import dev.hypersearch.security.Caller;
import dev.hypersearch.store.DatasetCatalog;
import dev.hypersearch.store.ModelJobs;
import dev.hypersearch.store.ModelRecord;
import dev.hypersearch.store.SearchEntity;
import dev.hypersearch.store.TrialEntity;
import dev.hypersearch.store.TrialRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Models: a completed trial's configuration refitted on all labelled rows (a job for the workers), then served:
 * predictions over REST and the model as an ONNX file.
 */
@RestController
public class ModelController {

    /** A predict body larger than this is refused before it is read (10,000 wide rows fit well within it). */
    static final long MAX_PREDICT_BYTES = 32L * 1024 * 1024;
    private static final int LIST_LIMIT = 500;

    private final ModelJobs jobs;
    private final LoadedModels loaded;
    private final SearchSummaries searches;
    private final TrialRepository trials;
    private final DatasetCatalog datasets;
    private final AuditLog audit;

    public ModelController(ModelJobs jobs, LoadedModels loaded, SearchSummaries searches, TrialRepository trials,
                           DatasetCatalog datasets, AuditLog audit) {
        this.audit = audit;
        this.jobs = jobs;
        this.loaded = loaded;
        this.searches = searches;
        this.trials = trials;
        this.datasets = datasets;
    }

    @Operation(summary = "Refit the search's best trial on all labelled rows",
            description = "202 with the new model (TRAINING); 200 with the existing one when that trial has a model;"
                    + " 409 when the search has no completed trial yet")
    @PostMapping("/api/searches/{id}/model")
    public ResponseEntity<ModelResource> modelOfSearch(@PathVariable long id) {
        SearchEntity search = searches.find(id);
        if (search.getBestTrialId() == null) {
            throw new ConflictException("search " + id + " has no completed trial yet");
        }
        return create(search, trials.findById(search.getBestTrialId()).orElseThrow(
                () -> new NotFoundException("trial", search.getBestTrialId())));
    }

    @Operation(summary = "Refit a completed trial on all labelled rows",
            description = "202 with the new model (TRAINING); 200 with the existing one when the trial has a model;"
                    + " 409 when the trial is not completed")
    @PostMapping("/api/trials/{id}/model")
    public ResponseEntity<ModelResource> modelOfTrial(@PathVariable long id) {
        TrialEntity trial = trials.findById(id).orElseThrow(() -> new NotFoundException("trial", id));
        return create(searches.find(trial.getSearchId()), trial);
    }

    private ResponseEntity<ModelResource> create(SearchEntity search, TrialEntity trial) {
        if (trial.getStatus() != TrialStatus.COMPLETED) {
            throw new ConflictException("trial " + trial.getId() + " is " + trial.getStatus()
                    + ": only a completed trial can be refitted");
        }
        DatasetShape shape = datasets.shape(search.getDataset()).orElseThrow(() -> new ConflictException(
                "dataset '" + search.getDataset() + "' of search " + search.getId() + " no longer exists"));
        ModelJobs.Created c = jobs.create(new ModelJobs.Source(search.getId(), trial.getId(), trial.getNumber(),
                search.getSeed(), trial.getParams(), search.getDataset(),
                shape.classification() ? "classification" : "regression", Caller.current().owner()));
        if (c.created()) {
            audit.record(AuditLog.Action.CREATE, "model", c.model().id());
        }
        ModelResource body = ModelResource.of(c.model());
        return ResponseEntity.status(c.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create("/api/models/" + body.id())).body(body);
    }

    @Operation(summary = "Every model, newest first (at most 500)")
    @GetMapping("/api/models")
    public List<ModelResource> models() {
        return jobs.list(LIST_LIMIT).stream().map(ModelResource::of).toList();
    }

    @Operation(summary = "A model: status, source, parameters, metrics, feature schema and classes")
    @GetMapping("/api/models/{id}")
    public ModelResource model(@PathVariable long id) {
        return ModelResource.of(find(id));
    }

    @Operation(summary = "Delete a model (a refit still running is abandoned)")
    @DeleteMapping("/api/models/{id}")
    public ResponseEntity<Void> delete(@PathVariable long id) {
        Caller.current().checkMayChange(find(id).owner(), "model " + id);
        if (!jobs.delete(id)) {
            throw new NotFoundException("model", id);
        }
        audit.record(AuditLog.Action.DELETE, "model", id);
        loaded.evict(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Predict rows with a READY model",
            description = "Body {\"rows\": [{\"<column>\": value or null}]}, at most 10,000 rows (413 beyond); the"
                    + " original columns by name, extra ones ignored, absent or null ones missing (imputed as in"
                    + " training). Numeric columns take numbers, boolean ones true/false or 0/1, categorical ones"
                    + " strings (a level never seen in training counts as \"other\"), date ones yyyy-MM-dd strings."
                    + " A value of the wrong kind is a 400 naming rows[i].column. Classification answers label and"
                    + " probabilities, regression value.")
    @PostMapping(value = "/api/models/{id}/predict", consumes = MediaType.APPLICATION_JSON_VALUE)
    public PredictResponse predict(@PathVariable long id,
                                   @RequestBody(description = "{\"rows\": [{\"<column>\": value or null}]}")
                                   @org.springframework.web.bind.annotation.RequestBody JsonNode body,
                                   HttpServletRequest request) {
        if (request.getContentLengthLong() > MAX_PREDICT_BYTES) {
            throw new PredictRows.TooManyRowsException("request body is larger than " + MAX_PREDICT_BYTES
                    + " bytes; at most " + PredictRows.MAX_ROWS + " rows a call");
        }
        TrainedModel model = ready(id);
        List<RawRow> rows = PredictRows.parse(body);
        double[][] out;
        try {
            out = model.predict(rows);
        } catch (BadInputException e) {
            throw new BadParameterException("rows[" + e.row() + "]." + e.column(), e.getMessage());
        }
        List<PredictResponse.Prediction> predictions = new ArrayList<>(out.length);
        List<String> classes = model.classes();
        for (double[] p : out) {
            if (model.classification()) {
                Map<String, Double> probabilities = new LinkedHashMap<>();
                for (int c = 0; c < classes.size(); c++) {
                    probabilities.put(classes.get(c), p[c]);
                }
                predictions.add(new PredictResponse.Prediction(classes.get(TrainedModel.argmax(p)), probabilities,
                        null));
            } else {
                predictions.add(new PredictResponse.Prediction(null, null, p[0]));
            }
        }
        return new PredictResponse(predictions);
    }

    @Operation(summary = "The model as ONNX (opset 13, ai.onnx.ml for the preprocessing)",
            description = "One input per original feature column, named like it, [N, 1]: float32 for numeric (NaN ="
                    + " missing), boolean (0/1, NaN = missing) and date columns (days since 1970-01-01, NaN = missing),"
                    + " string for categorical ones (\"\" = missing); the fitted preprocessing is inside the graph."
                    + " Outputs label and probabilities [N, classes] (classification) or value [N, 1] (regression)")
    @GetMapping(value = "/api/models/{id}/model.onnx", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    public ResponseEntity<byte[]> onnx(@PathVariable long id) {
        TrainedModel model = ready(id);
        byte[] file = OnnxModelFile.write(model, "hypersearch-model-" + id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("model-" + id + ".onnx").build().toString())
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(file);
    }

    @ExceptionHandler(PredictRows.TooManyRowsException.class)
    ResponseEntity<ProblemDetail> tooManyRows(PredictRows.TooManyRowsException e) {
        String detail = e.getMessage();
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, detail);
        p.setTitle("Too many rows");
        p.setProperty("errors", List.of(new dev.hypersearch.search.FieldError("rows", detail)));
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(p);
    }

    private ModelRecord find(long id) {
        return jobs.find(id).orElseThrow(() -> new NotFoundException("model", id));
    }

    /** The model, loaded, if it is READY: 404 when there is none, 409 while it trains or when it failed. */
    private TrainedModel ready(long id) {
        ModelRecord m = find(id);
        if (!m.status().equals("READY")) {
            throw new ConflictException("model " + id + " is " + m.status()
                    + (m.training() ? ": wait until it is READY" : ": " + m.error()));
        }
        return loaded.get(id).orElseThrow(() -> new NotFoundException("model", id));
    }
}
