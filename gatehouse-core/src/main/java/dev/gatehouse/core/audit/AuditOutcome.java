package dev.gatehouse.core.audit;

import dev.gatehouse.core.mfa.VerificationOutcome;

/** How the audited action ended; MFA outcomes keep their own names so a replay reads as one. */
public enum AuditOutcome {
    SUCCESS,
    FAILURE,
    ACCEPTED,
    INVALID,
    REPLAYED,
    THROTTLED,
    UNKNOWN_DEVICE;

    public static AuditOutcome of(VerificationOutcome outcome) {
        return valueOf(outcome.name());
    }
}
