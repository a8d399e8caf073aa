package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.crypto.PasswordHash;
import dev.gatehouse.core.store.LoginProfileRepository;
import dev.gatehouse.core.user.LoginProfile;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

final class JdbcLoginProfiles implements LoginProfileRepository {

    private final Handle handle;
    private final RowLocks rowLocks;

    JdbcLoginProfiles(Handle handle, RowLocks rowLocks) {
        this.handle = handle;
        this.rowLocks = rowLocks;
    }

    @Override
    public void insert(LoginProfile profile) {
        JdbcAccounts.execute(bind(handle.createUpdate("INSERT INTO login_profiles (account_id, principal_key,"
                + " password_hash, reset_required, created_at, changed_at, last_used_at) VALUES (:account, :principal,"
                + " :hash, :reset, :created, :changed, :lastUsed)"), profile),
                "Login Profile for the principal already exists.");
    }

    @Override
    public boolean update(LoginProfile profile) {
        return bind(handle.createUpdate("UPDATE login_profiles SET password_hash = :hash, reset_required = :reset,"
                + " created_at = :created, changed_at = :changed, last_used_at = :lastUsed"
                + " WHERE account_id = :account AND principal_key = :principal"), profile).execute() == 1;
    }

    private static Update bind(Update statement, LoginProfile profile) {
        return statement.bind("account", profile.principal().accountId().value())
                .bind("principal", profile.principal().key())
                .bind("hash", profile.passwordHash().phc())
                .bind("reset", Columns.bool(profile.resetRequired()))
                .bind("created", profile.createdAt().toEpochMilli())
                .bind("changed", profile.changedAt().toEpochMilli())
                .bind("lastUsed", Columns.millis(profile.lastUsedAt()));
    }

    @Override
    public Optional<LoginProfile> find(PrincipalRef principal) {
        return handle.createQuery("SELECT * FROM login_profiles WHERE account_id = :account AND principal_key = :principal")
                .bind("account", principal.accountId().value()).bind("principal", principal.key())
                .map(JdbcLoginProfiles::map).findOne();
    }

    @Override
    public Optional<LoginProfile> findToChange(PrincipalRef principal) {
        rowLocks.lockToChange("login_profiles", "account_id = ? AND principal_key = ?", principal.accountId().value(),
                principal.key());
        return find(principal);
    }

    @Override
    public void recordUse(PrincipalRef principal, Instant at) {
        handle.createUpdate("UPDATE login_profiles SET last_used_at = :at WHERE account_id = :account"
                + " AND principal_key = :principal")
                .bind("at", at.toEpochMilli()).bind("account", principal.accountId().value())
                .bind("principal", principal.key()).execute();
    }

    @Override
    public boolean delete(PrincipalRef principal) {
        return handle.createUpdate("DELETE FROM login_profiles WHERE account_id = :account AND principal_key = :principal")
                .bind("account", principal.accountId().value()).bind("principal", principal.key()).execute() == 1;
    }

    @Override
    public void appendHistory(PrincipalRef principal, PasswordHash hash, Instant at) {
        handle.createUpdate("INSERT INTO password_history (account_id, principal_key, position, password_hash, created_at)"
                + " SELECT :account, :principal, COALESCE(MAX(position), 0) + 1, :hash, :at FROM password_history"
                + " WHERE account_id = :account AND principal_key = :principal")
                .bind("account", principal.accountId().value()).bind("principal", principal.key())
                .bind("hash", hash.phc()).bind("at", at.toEpochMilli()).execute();
    }

    @Override
    public List<PasswordHash> history(PrincipalRef principal, int limit) {
        return handle.createQuery("SELECT password_hash FROM password_history WHERE account_id = :account"
                + " AND principal_key = :principal ORDER BY position DESC LIMIT :limit")
                .bind("account", principal.accountId().value()).bind("principal", principal.key())
                .bind("limit", limit).map((row, context) -> new PasswordHash(row.getString(1))).list();
    }

    private static LoginProfile map(ResultSet row, StatementContext context) throws SQLException {
        PrincipalRef principal = PrincipalRef.fromKey(AccountId.of(row.getString("account_id")),
                row.getString("principal_key"));
        return new LoginProfile(principal, new PasswordHash(row.getString("password_hash")),
                Columns.bool(row, "reset_required"), Columns.instant(row, "created_at"),
                Columns.instant(row, "changed_at"), Columns.instantOrNull(row, "last_used_at"));
    }
}
