package dev.gatehouse.core.store;

import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.audit.AuditAction;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditPosition;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The append-only audit log. */
public interface AuditRepository {

    void append(AuditEvent event);

    /** The account's most recent events, newest first. */
    List<AuditEvent> recent(AccountId accountId, int limit);

    /**
     * The account's events of the given actions, newest first (ties by ID, descending), starting
     * after {@code after} when given: one page of a history such as the sign-ins.
     */
    List<AuditEvent> list(AccountId accountId, Set<AuditAction> actions, Optional<AuditPosition> after, int limit);
}
