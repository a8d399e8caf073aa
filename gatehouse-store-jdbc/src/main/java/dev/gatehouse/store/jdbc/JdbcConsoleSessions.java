package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.console.ConsoleSession;
import dev.gatehouse.core.console.ConsoleSessionState;
import dev.gatehouse.core.mfa.SerialNumber;
import dev.gatehouse.core.store.ConsoleSessionRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbcConsoleSessions implements ConsoleSessionRepository {

    private final Handle handle;

    JdbcConsoleSessions(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void insert(ConsoleSession session) {
        JdbcAccounts.execute(handle.createUpdate("INSERT INTO console_sessions (id_sha256, account_id, principal_key,"
                + " state, mfa_serial, password_change_required, created_at, authenticated_at, last_seen_at,"
                + " reauthenticated_at, csrf_secret) VALUES (:digest, :account, :principal, :state, :mfaSerial,"
                + " :passwordChangeRequired, :created, :authenticated, :lastSeen, :reauthenticated, :csrf)")
                .bind("digest", session.digest())
                .bind("account", session.principal().accountId().value())
                .bind("principal", session.principal().key())
                .bind("state", session.state().name())
                .bind("mfaSerial", session.mfaSerialIfAny().map(SerialNumber::value).orElse(null))
                .bind("passwordChangeRequired", Columns.bool(session.passwordChangeRequired()))
                .bind("created", session.createdAt().toEpochMilli())
                .bind("authenticated", Columns.millis(session.authenticatedAt()))
                .bind("lastSeen", session.lastSeenAt().toEpochMilli())
                .bind("reauthenticated", Columns.millis(session.reauthenticatedAt()))
                .bind("csrf", session.csrfSecret()), "The session ID is taken.");
    }

    @Override
    public Optional<ConsoleSession> find(String digest) {
        return handle.createQuery("SELECT * FROM console_sessions WHERE id_sha256 = :digest").bind("digest", digest)
                .map(JdbcConsoleSessions::map).findOne();
    }

    @Override
    public void update(ConsoleSession session) {
        handle.createUpdate("UPDATE console_sessions SET last_seen_at = :lastSeen, reauthenticated_at = :reauthenticated,"
                + " password_change_required = :passwordChangeRequired WHERE id_sha256 = :digest")
                .bind("lastSeen", session.lastSeenAt().toEpochMilli())
                .bind("reauthenticated", Columns.millis(session.reauthenticatedAt()))
                .bind("passwordChangeRequired", Columns.bool(session.passwordChangeRequired()))
                .bind("digest", session.digest()).execute();
    }

    @Override
    public boolean delete(String digest) {
        return handle.createUpdate("DELETE FROM console_sessions WHERE id_sha256 = :digest").bind("digest", digest)
                .execute() > 0;
    }

    @Override
    public int deleteAllFor(PrincipalRef principal) {
        return handle.createUpdate("DELETE FROM console_sessions WHERE account_id = :account AND principal_key = :principal")
                .bind("account", principal.accountId().value()).bind("principal", principal.key()).execute();
    }

    @Override
    public int deleteExpired(Instant idleCutoff, Instant absoluteCutoff) {
        return handle.createUpdate("DELETE FROM console_sessions WHERE last_seen_at < :idle OR created_at < :absolute")
                .bind("idle", idleCutoff.toEpochMilli()).bind("absolute", absoluteCutoff.toEpochMilli()).execute();
    }

    private static ConsoleSession map(ResultSet row, StatementContext context) throws SQLException {
        String serial = row.getString("mfa_serial");
        return new ConsoleSession(row.getString("id_sha256"),
                PrincipalRef.fromKey(AccountId.of(row.getString("account_id")), row.getString("principal_key")),
                ConsoleSessionState.valueOf(row.getString("state")), serial == null ? null : SerialNumber.of(serial),
                Columns.bool(row, "password_change_required"), Columns.instant(row, "created_at"),
                Columns.instantOrNull(row, "authenticated_at"), Columns.instant(row, "last_seen_at"),
                Columns.instantOrNull(row, "reauthenticated_at"), row.getString("csrf_secret"));
    }
}
