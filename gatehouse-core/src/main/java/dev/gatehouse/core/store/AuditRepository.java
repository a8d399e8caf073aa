package dev.gatehouse.core.store;

import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.audit.AuditEvent;
import java.util.List;

/** The append-only audit log. */
public interface AuditRepository {

    void append(AuditEvent event);

    /** The account's most recent events, newest first. */
    List<AuditEvent> recent(AccountId accountId, int limit);
}
