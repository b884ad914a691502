package dev.hypersearch.api;

import dev.hypersearch.data.DatasetFormatException;
import dev.hypersearch.search.FieldError;
import dev.hypersearch.search.SpecException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * Every error as RFC 9457 problem+json. The base class covers Spring MVC's own exceptions (405, 415,
 * 413 for multipart, missing parameters, type mismatches); this adds the domain ones. Field-level
 * problems all carry {@code errors: [{field, message}]} (at most {@link #MAX_ERRORS}, then {@code moreErrors})
 * with the first field named in {@code detail}.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    /** How many field errors a problem lists; {@code moreErrors} counts the rest. */
    static final int MAX_ERRORS = 50;

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(SpecException.class)
    ResponseEntity<ProblemDetail> invalidSpec(SpecException e) {
        return fieldErrors("Invalid search spec", e.errors());
    }

    @ExceptionHandler(BadParameterException.class)
    ResponseEntity<ProblemDetail> badParameter(BadParameterException e) {
        return fieldErrors("Invalid request", List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
    }

    /**
     * A unique constraint lost a race that the up-front check could not see (two uploads of one name): 409.
     * Any other integrity violation means validation let through what the database refuses: a bug, so 500.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        if (UniqueViolation.isCause(e)) {
            return problem(HttpStatus.CONFLICT, "Conflict", "the request conflicts with existing data");
        }
        return unexpected(e, request);
    }

    /** The root of a garbled multipart request (no boundary, a truncated body) is the request, not the server. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> badMultipart(MultipartException e, HttpServletRequest request) {
        String type = request.getContentType();
        FieldError error = type != null && !type.toLowerCase(Locale.ROOT).contains("boundary=")
                ? new FieldError(HttpHeaders.CONTENT_TYPE, "a multipart request needs a boundary parameter,"
                        + " as in multipart/form-data; boundary=...; was '" + type + "'")
                : new FieldError("file", "the multipart body could not be read");
        return fieldErrors("Invalid request", List.of(error));
    }

    /**
     * A controller's own refusal (an editor cancelling another's search): 403, as the security filters answer.
     * Without this the catch-all below would make it a 500.
     */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    /** A refused credential inside a controller (signing in with a bad token): 401. */
    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthorized(AuthenticationException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(problemBody(HttpStatus.UNAUTHORIZED, "Unauthorized", "unknown, expired or revoked token"));
    }

    /**
     * Anything no other handler claims: a generic 500 problem, never the exception's text or stack (they
     * may reveal internals); the stack is logged here, once.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error answering {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal Server Error",
                "an unexpected error occurred; it has been logged on the server");
    }

    @ExceptionHandler(DatasetFormatException.class)
    ResponseEntity<ProblemDetail> badDataset(DatasetFormatException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setTitle("Invalid dataset file");
        if (e.line() > 0) {
            p.setProperty("line", e.line());
        }
        if (e.column() != null) {
            p.setProperty("column", e.column());
        }
        p.setProperty("errors", List.of(new FieldError("file", e.getMessage())));
        return ResponseEntity.badRequest().body(p);
    }

    /** Malformed JSON, NaN/Infinity tokens, a body of the wrong JSON type: name the field Jackson was at. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        JacksonException json = JsonErrors.find(ex);
        FieldError error = json == null
                ? new FieldError(JsonErrors.ROOT, "request body is missing or unreadable")
                : new FieldError(JsonErrors.field(json), JsonErrors.message(json));
        ProblemDetail p = fieldErrorsBody("Malformed JSON", List.of(error));
        TokenStreamLocation at = json == null ? null : JsonErrors.location(json);
        if (at != null) {
            p.setProperty("line", at.getLineNr());
            p.setProperty("column", at.getColumnNr());
        }
        return handleExceptionInternal(ex, p, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail p = fieldErrorsBody("Invalid request",
                List.of(new FieldError(ex.getParameterName(), "required")));
        return handleExceptionInternal(ex, p, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail p = fieldErrorsBody("Invalid request",
                List.of(new FieldError(ex.getRequestPartName(), "required")));
        return handleExceptionInternal(ex, p, headers, status, request);
    }

    /** A path variable or query parameter of the wrong type (a non-numeric id). */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        String type = ex.getRequiredType() == null ? "another type" : ex.getRequiredType().getSimpleName();
        ProblemDetail p = fieldErrorsBody("Invalid request",
                List.of(new FieldError(name, "must be a " + type + ", was '" + ex.getValue() + "'")));
        return handleExceptionInternal(ex, p, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * The first {@link #MAX_ERRORS} errors and, beyond them, only how many more: a body of 60,000 unknown
     * keys must not be answered with megabytes of problem details.
     */
    static ProblemDetail fieldErrorsBody(String title, List<FieldError> errors) {
        FieldError first = errors.get(0);
        String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, first + more);
        p.setTitle(title);
        p.setProperty("errors", errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors);
        if (errors.size() > MAX_ERRORS) {
            p.setProperty("moreErrors", errors.size() - MAX_ERRORS);
        }
        return p;
    }

    private static ResponseEntity<ProblemDetail> fieldErrors(String title, List<FieldError> errors) {
        return ResponseEntity.badRequest().body(fieldErrorsBody(title, errors));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        return ResponseEntity.status(status).body(problemBody(status, title, detail));
    }

    private static ProblemDetail problemBody(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return p;
    }
}
