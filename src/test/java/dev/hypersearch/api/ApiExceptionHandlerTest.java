package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
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
}
