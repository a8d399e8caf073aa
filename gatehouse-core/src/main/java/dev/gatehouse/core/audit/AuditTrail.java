package dev.gatehouse.core.audit;

import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.internal.RandomIds;
import dev.gatehouse.core.store.StoreSession;
import java.time.Clock;
import java.util.Objects;

/** Writes audit events in the unit of work of the action they record, so both commit or neither. */
public final class AuditTrail {

    private final Clock clock;
    private final RandomIds ids;

    public AuditTrail(Clock clock, RandomIds ids) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    public AuditEvent record(StoreSession session, AccountId accountId, String actor, AuditAction action,
            AuditOutcome outcome, Origin origin, boolean mfaUsed, String detail) {
        AuditEvent event = new AuditEvent(ids.rowId(), clock.instant(), accountId, actor, action, outcome, origin,
                mfaUsed, detail);
        session.audit().append(event);
        return event;
    }
}
