package dev.gatehouse.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.audit.AuditAction;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditOutcome;
import dev.gatehouse.core.audit.Origin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SecurityMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SecurityMetrics metrics = new SecurityMetrics(registry);

    @Test
    void aCodeRefusedAtTheConsoleSignInCountsOnceThoughTwoEventsRecordIt() {
        metrics.recorded(event(AuditAction.MFA_VERIFICATION, AuditOutcome.INVALID));
        metrics.recorded(event(AuditAction.SIGN_IN_MFA, AuditOutcome.INVALID));
        metrics.recorded(event(AuditAction.MFA_VERIFICATION, AuditOutcome.ACCEPTED));
        metrics.recorded(event(AuditAction.SIGN_IN_MFA, AuditOutcome.SUCCESS));

        assertThat(registry.counter("gatehouse.mfa.verifications", "outcome", "INVALID").count()).isEqualTo(1);
        assertThat(registry.counter("gatehouse.mfa.verifications", "outcome", "ACCEPTED").count()).isEqualTo(1);
        assertThat(registry.counter("gatehouse.mfa.verifications", "outcome", "SUCCESS").count()).isZero();
        assertThat(registry.counter("gatehouse.audit.events", "action", "SIGN_IN_MFA", "outcome", "INVALID").count())
                .as("the sign-in step is still counted among the audit events").isEqualTo(1);
    }

    private static AuditEvent event(AuditAction action, AuditOutcome outcome) {
        return new AuditEvent("id", Instant.EPOCH, AccountId.of("123456789012"), "arn:aws:iam::123456789012:root", action,
                outcome, new Origin("127.0.0.1", "test"), false, "device x");
    }
}
