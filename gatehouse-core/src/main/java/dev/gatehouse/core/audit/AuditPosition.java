package dev.gatehouse.core.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * Where an event stands in the audit log's newest-first order: its time, then its ID to order
 * events of the same millisecond. A page of history continues after the last event's position.
 */
public record AuditPosition(Instant at, String id) {

    public AuditPosition {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(id, "id");
    }

    public static AuditPosition of(AuditEvent event) {
        return new AuditPosition(event.at(), event.id());
    }
}
