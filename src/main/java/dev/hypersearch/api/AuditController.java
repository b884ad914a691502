package dev.hypersearch.api;

import dev.hypersearch.security.AuditEvent;
import dev.hypersearch.security.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail (admin only), newest first. */
@RestController
public class AuditController {

    /**
     * @param actor      the token name that did it ({@code system} at first start, {@code anonymous} with security off)
     * @param action     create, cancel, delete or revoke
     * @param targetType search, dataset, token...
     */
    public record AuditEntry(long id, Instant at, String actor, String action, String targetType, String targetId) {

        static AuditEntry of(AuditEvent e) {
            return new AuditEntry(e.getId(), e.getAt(), e.getActor(), e.getAction(), e.getTargetType(), e.getTargetId());
        }
    }

    private final AuditLog audit;

    public AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @Operation(summary = "Who created, cancelled or deleted what, and who created or revoked which token; newest first")
    @GetMapping("/api/audit")
    public PageResponse<AuditEntry> list(@RequestParam(defaultValue = "0") int page,
                                         @RequestParam(defaultValue = "50") int size) {
        Paging.check(page, size);
        return PageResponse.of(audit.page(page, size), AuditEntry::of);
    }
}
