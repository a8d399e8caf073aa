package dev.gatehouse.server.metrics;

import dev.gatehouse.core.audit.AuditAction;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditObserver;
import dev.gatehouse.core.audit.AuditOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Counts what the audit trail records that an operator watches: every MFA code checked, by
 * outcome (a rise in REPLAYED or THROTTLED is someone guessing or replaying), and every audit
 * event by action and outcome. Actions and outcomes are enums, so the series stay few.
 */
public final class SecurityMetrics implements AuditObserver {

    /** The events that check a one-time code. */
    private static final Set<AuditAction> CODE_CHECKS = Set.of(AuditAction.MFA_VERIFICATION, AuditAction.SIGN_IN_MFA);

    private final MeterRegistry registry;
    private final Map<AuditOutcome, Counter> verifications = new EnumMap<>(AuditOutcome.class);

    public SecurityMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (AuditOutcome outcome : AuditOutcome.values()) {
            verifications.put(outcome, Counter.builder("gatehouse.mfa.verifications")
                    .description("One-time codes checked, by outcome").tag("outcome", outcome.name()).register(registry));
        }
    }

    @Override
    public void recorded(AuditEvent event) {
        if (CODE_CHECKS.contains(event.action())) {
            verifications.get(event.outcome()).increment();
        }
        registry.counter("gatehouse.audit.events", "action", event.action().name(), "outcome", event.outcome().name())
                .increment();
    }
}
