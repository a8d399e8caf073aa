package dev.gatehouse.core.audit;

/**
 * Told of every audit event as it is recorded, for metrics and alerts. Called inside the unit
 * of work that records the event, so it must be quick and must not throw.
 */
@FunctionalInterface
public interface AuditObserver {

    void recorded(AuditEvent event);
}
