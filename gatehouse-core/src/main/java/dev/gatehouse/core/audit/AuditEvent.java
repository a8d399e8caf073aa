package dev.gatehouse.core.audit;

import dev.gatehouse.core.account.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One audited action: who, what, when, from where, how it ended, and whether MFA was used.
 *
 * @param accountId {@code null} when the action could not be tied to an account (an unknown e-mail)
 * @param actor the principal's ARN, or what was typed when there is no such principal
 * @param detail free text for people, never a secret
 */
public record AuditEvent(String id, Instant at, AccountId accountId, String actor, AuditAction action,
        AuditOutcome outcome, Origin origin, boolean mfaUsed, String detail) {

    public AuditEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(detail, "detail");
    }

    public Optional<AccountId> account() {
        return Optional.ofNullable(accountId);
    }
}
