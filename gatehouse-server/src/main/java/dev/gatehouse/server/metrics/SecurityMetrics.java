package dev.gatehouse.server.metrics;

import dev.gatehouse.core.audit.AuditAction;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditObserver;
import dev.gatehouse.core.audit.AuditOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts what the audit trail records that an operator watches: every MFA code checked, by
 * outcome (a rise in REPLAYED or THROTTLED is someone guessing or replaying), and every audit
 * event by action and outcome. Actions and outcomes are enums, so the series stay few.
 */
public final class SecurityMetrics implements AuditObserver {

    /**
     * The event every checked one-time code writes, once. SIGN_IN_MFA is not one: it records the
     * console sign-in step around the same check (its success and its refusals), which would count
     * the code twice.
     */
    private static final AuditAction CODE_CHECK = AuditAction.MFA_VERIFICATION;

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
        if (event.action() == CODE_CHECK) {
            verifications.get(event.outcome()).increment();
        }
        registry.counter("gatehouse.audit.events", "action", event.action().name(), "outcome", event.outcome().name())
                .increment();
    }
}
