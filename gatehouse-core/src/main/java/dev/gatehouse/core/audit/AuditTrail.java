package dev.gatehouse.core.audit;

import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.internal.RandomIds;
import dev.gatehouse.core.store.StoreSession;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/** Writes audit events in the unit of work of the action they record, so both commit or neither. */
public final class AuditTrail {

    private final Clock clock;
    private final RandomIds ids;
    // Registered once at start by whoever exports metrics; read on every event.
    private final List<AuditObserver> observers = new CopyOnWriteArrayList<>();

    public AuditTrail(Clock clock, RandomIds ids) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    public AuditEvent record(StoreSession session, AccountId accountId, String actor, AuditAction action,
            AuditOutcome outcome, Origin origin, boolean mfaUsed, String detail) {
        AuditEvent event = new AuditEvent(ids.rowId(), clock.instant(), accountId, actor, action, outcome, origin,
                mfaUsed, detail);
        session.audit().append(event);
        observers.forEach(observer -> observer.recorded(event));
        return event;
    }

    /** Tells {@code observer} of every event recorded from now on. */
    public void observe(AuditObserver observer) {
        observers.add(Objects.requireNonNull(observer, "observer"));
    }
}
