package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.audit.AuditAction;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditOutcome;
import dev.gatehouse.core.audit.AuditPosition;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.store.AuditRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

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
                .map((row, context) -> event(row)).list();
    }

    @Override
    public List<AuditEvent> list(AccountId accountId, Set<AuditAction> actions, Optional<AuditPosition> after, int limit) {
        if (actions.isEmpty()) {
            return List.of();
        }
        // Strictly after the last event of the previous page in (at, id) order, so a page boundary inside
        // one millisecond neither repeats nor skips an event.
        Query query = handle.createQuery("SELECT * FROM audit_events WHERE account_id = :account AND action IN (<actions>)"
                + (after.isPresent() ? " AND (at < :at OR (at = :at AND id < :id))" : "")
                + " ORDER BY at DESC, id DESC LIMIT :limit")
                .bind("account", accountId.value())
                .bindList("actions", actions.stream().map(AuditAction::name).sorted().toList())
                .bind("limit", limit);
        after.ifPresent(position -> query.bind("at", position.at().toEpochMilli()).bind("id", position.id()));
        return query.map((row, context) -> event(row)).list();
    }

    private static AuditEvent event(ResultSet row) throws SQLException {
        String account = row.getString("account_id");
        return new AuditEvent(row.getString("id"), Columns.instant(row, "at"),
                account == null ? null : AccountId.of(account), row.getString("actor"),
                AuditAction.valueOf(row.getString("action")), AuditOutcome.valueOf(row.getString("outcome")),
                new Origin(row.getString("caller_arn"), row.getString("source_address"), row.getString("user_agent")),
                Columns.bool(row, "mfa_used"), row.getString("detail"));
    }
}
