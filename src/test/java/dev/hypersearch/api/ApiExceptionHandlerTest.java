package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.search.FieldError;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

class ApiExceptionHandlerTest {

    final ApiExceptionHandler handler = new ApiExceptionHandler();
    final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/searches");

    @Test
    void anUnexpectedExceptionIsAGeneric500WithoutItsText() {
        ResponseEntity<ProblemDetail> r = handler.unexpected(
                new IllegalStateException("secret internals at dev.hypersearch.Foo"), request);
        assertThat(r.getStatusCode().value()).isEqualTo(500);
        assertThat(r.getBody().getDetail()).doesNotContain("secret").doesNotContain("dev.hypersearch");
        assertThat(r.getBody().getProperties()).isNullOrEmpty();
    }

    @Test
    void onlyAUniqueViolationIsAConflict() {
        var unique = new DataIntegrityViolationException("dup", new SQLException("duplicate key", "23505"));
        var notNull = new DataIntegrityViolationException("null", new SQLException("null value", "23502"));
        var nul = new DataIntegrityViolationException("nul", new SQLException("invalid byte sequence", "22021"));
        assertThat(handler.integrity(unique, request).getStatusCode().value()).isEqualTo(409);
        assertThat(handler.integrity(notNull, request).getStatusCode().value()).isEqualTo(500);
        assertThat(handler.integrity(nul, request).getStatusCode().value()).isEqualTo(500);
    }

    @Test
    void listsTheFirst50ErrorsAndCountsTheRest() {
        List<FieldError> errors = IntStream.range(0, 51).mapToObj(i -> new FieldError("f" + i, "bad")).toList();
        ProblemDetail all = ApiExceptionHandler.fieldErrorsBody("t", errors.subList(0, 50));
        assertThat((List<?>) all.getProperties().get("errors")).hasSize(50);
        assertThat(all.getProperties()).doesNotContainKey("moreErrors");
        ProblemDetail capped = ApiExceptionHandler.fieldErrorsBody("t", errors);
        assertThat((List<?>) capped.getProperties().get("errors")).hasSize(50).first().isEqualTo(errors.get(0));
        assertThat(capped.getProperties()).containsEntry("moreErrors", 1);
        assertThat(capped.getDetail()).isEqualTo("f0: bad (and 50 more)");
    }
}
