package dev.hypersearch.security;

import java.time.Instant;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail: who created, cancelled or deleted what, and who created or revoked which token. The actor is
 * the calling token's name ({@code anonymous} with security off, {@code system} at first start).
 */
@Service
public class AuditLog {

    /** What was done. */
    public enum Action {
        CREATE, CANCEL, DELETE, REVOKE
    }

    private final AuditEventRepository events;

    AuditLog(AuditEventRepository events) {
        this.events = events;
    }

    /** Records that the current caller did {@code action} to {@code targetType} {@code targetId}. */
    @Transactional
    public void record(Action action, String targetType, Object targetId) {
        String actor = Caller.current().name();
        recordAs(actor == null ? "anonymous" : actor, action, targetType, targetId);
    }

    @Transactional
    void recordAs(String actor, Action action, String targetType, Object targetId) {
        events.save(new AuditEvent(Instant.now(), actor, action.name().toLowerCase(java.util.Locale.ROOT),
                targetType, String.valueOf(targetId)));
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    public Page<AuditEvent> page(int page, int size) {
        return events.findAllByOrderByIdDesc(PageRequest.of(page, size));
    }
}
