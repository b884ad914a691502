package dev.hypersearch.api;

import dev.hypersearch.security.AuditLog;
import dev.hypersearch.security.Caller;
import dev.hypersearch.store.SearchChangedEvent;
import dev.hypersearch.store.SearchEntity;
import dev.hypersearch.store.SearchLifecycle;
import dev.hypersearch.store.SearchStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.headers.Header;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.ObjectMapper;

/** Submitting, previewing, listing, reading and cancelling searches. */
@RestController
@RequestMapping("/api/searches")
public class SearchController {

    private final SearchSubmissions submissions;
    private final SearchSummaries summaries;
    private final SearchLifecycle lifecycle;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final SharedReads shared;
    private final ObjectMapper json;

    public SearchController(SearchSubmissions submissions, SearchSummaries summaries, SearchLifecycle lifecycle,
                            ApplicationEventPublisher events, AuditLog audit, SharedReads shared, ObjectMapper json) {
        this.shared = shared;
        this.json = json;
        this.audit = audit;
        this.submissions = submissions;
        this.summaries = summaries;
        this.lifecycle = lifecycle;
        this.events = events;
    }

    /** The body is bound as a plain map so the search package validates every field with its own paths. */
    @Operation(summary = "Submit a search; seed is optional (drawn and stored when absent)",
            description = "With sanityCheck: true the first configuration is checked before any trial exists; if it"
                    + " fails, the search is created FAILED (201, status FAILED, message naming the failed check and"
                    + " its numbers) with no trial, so no budget is spent.")
    @ApiResponse(responseCode = "201", description = "Created; Location is its URL", useReturnTypeSchema = true,
            headers = @Header(name = "Location", description = "URL of the new search", required = true,
                    schema = @Schema(type = "string", format = "uri")))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<SearchSummary> submit(@RequestBody Map<String, Object> spec) {
        SearchEntity saved = submissions.submit(spec);
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(saved.getId()).toUri();
        return ResponseEntity.created(location).body(summaries.summary(saved));
    }

    @Operation(summary = "Validate a spec and show its trial count, total epochs and first trials; creates nothing")
    @PostMapping(path = "/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    public PreviewResponse preview(@RequestBody Map<String, Object> spec) {
        return submissions.preview(spec);
    }

    @Operation(summary = "Searches, newest first")
    @GetMapping
    public JsonBody<PageResponse<SearchSummary>> list(@RequestParam(defaultValue = "0") int page,
                                                      @RequestParam(defaultValue = "50") int size) {
        Paging.check(page, size);
        // shared by every viewer, serialized once; a search's submission, cancel or end drops it, progress is at
        // most ~1 s old
        return shared.live(new SharedReads.Key(SharedReads.ALL_SEARCHES, "list", List.of(page, size)),
                () -> JsonBody.of(json, summaries.page(page, size)));
    }

    @Operation(summary = "A search with its spec as stored (seed included), stages and sanity check report")
    @GetMapping("/{id}")
    public JsonBody<SearchDetail> get(@PathVariable long id) {
        // shared by every viewer, serialized once (404 from the search's version read); at most ~1 s old while the
        // search runs
        return shared.live(new SharedReads.Key(id, "detail", null), () -> {
            SearchDetail detail = summaries.detail(id);
            if (detail.summary().status().isFinished()) {
                shared.seenFinished(id);
            }
            return JsonBody.of(json, detail);
        });
    }

    @Operation(summary = "Cancel a running search: queued trials are cancelled, running ones stop at their next check")
    @ApiResponse(responseCode = "200", description = "Cancelled", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = "An editor may cancel only the searches it created")
    @ApiResponse(responseCode = "409", description = "The search has already finished")
    @PostMapping("/{id}/cancel")
    public SearchSummary cancel(@PathVariable long id) {
        SearchEntity search = summaries.find(id); // 404 before 403 and 409
        Caller.current().checkMayChange(search.getOwner(), "search " + id);
        if (!lifecycle.cancel(id)) {
            throw new ConflictException("search " + id + " already finished as " + lifecycle.statusOf(id));
        }
        audit.record(AuditLog.Action.CANCEL, "search", id);
        events.publishEvent(new SearchChangedEvent(id, SearchStatus.CANCELLED));
        return summaries.summary(summaries.find(id));
    }
}
