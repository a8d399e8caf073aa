package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.audit.AuditAction;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditOutcome;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.store.AuditRepository;
import java.util.List;
import org.jdbi.v3.core.Handle;

final class JdbcAudit implements AuditRepository {

    private final Handle handle;

    JdbcAudit(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void append(AuditEvent event) {
        handle.createUpdate("INSERT INTO audit_events (id, at, account_id, actor, action, outcome, caller_arn,"
                + " source_address, user_agent, mfa_used, detail) VALUES (:id, :at, :account, :actor, :action, :outcome,"
                + " :caller, :source, :agent, :mfa, :detail)")
                .bind("id", event.id()).bind("at", event.at().toEpochMilli())
                .bind("account", event.accountId() == null ? null : event.accountId().value())
                .bind("actor", event.actor()).bind("action", event.action().name())
                .bind("outcome", event.outcome().name()).bind("caller", event.origin().callerArn()).bind("source", event.origin().sourceAddress())
                .bind("agent", event.origin().userAgent()).bind("mfa", Columns.bool(event.mfaUsed()))
                .bind("detail", event.detail()).execute();
    }

    @Override
    public List<AuditEvent> recent(AccountId accountId, int limit) {
        return handle.createQuery("SELECT * FROM audit_events WHERE account_id = :account ORDER BY at DESC, id DESC"
                + " LIMIT :limit")
                .bind("account", accountId.value()).bind("limit", limit)
                .map((row, context) -> {
                    String account = row.getString("account_id");
                    return new AuditEvent(row.getString("id"), Columns.instant(row, "at"),
                            account == null ? null : AccountId.of(account), row.getString("actor"),
                            AuditAction.valueOf(row.getString("action")), AuditOutcome.valueOf(row.getString("outcome")),
                            new Origin(row.getString("caller_arn"), row.getString("source_address"),
                                    row.getString("user_agent")),
                            Columns.bool(row, "mfa_used"), row.getString("detail"));
                }).list();
    }
}
