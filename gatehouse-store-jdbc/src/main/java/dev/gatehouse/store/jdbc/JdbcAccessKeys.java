package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.crypto.SealedSecret;
import dev.gatehouse.core.store.AccessKeyRepository;
import dev.gatehouse.core.user.AccessKey;
import dev.gatehouse.core.user.AccessKeyId;
import dev.gatehouse.core.user.AccessKeyStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbcAccessKeys implements AccessKeyRepository {

    private final Handle handle;

    JdbcAccessKeys(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void insert(AccessKey key) {
        JdbcAccounts.execute(handle.createUpdate("INSERT INTO access_keys (id, account_id, principal_key, status,"
                + " created_at, secret_key_id, secret_ciphertext) VALUES (:id, :account, :principal, :status, :created,"
                + " :keyId, :ciphertext)")
                .bind("id", key.id().value()).bind("account", key.principal().accountId().value())
                .bind("principal", key.principal().key()).bind("status", key.status().name())
                .bind("created", key.createdAt().toEpochMilli()).bind("keyId", key.sealedSecret().keyId())
                .bind("ciphertext", key.sealedSecret().ciphertext()), "The access key ID is taken.");
    }

    @Override
    public Optional<AccessKey> find(AccessKeyId id) {
        return handle.createQuery("SELECT * FROM access_keys WHERE id = :id").bind("id", id.value())
                .map(JdbcAccessKeys::map).findOne();
    }

    @Override
    public List<AccessKey> listFor(PrincipalRef principal) {
        return handle.createQuery("SELECT * FROM access_keys WHERE account_id = :account AND principal_key = :principal"
                + " ORDER BY created_at, id")
                .bind("account", principal.accountId().value()).bind("principal", principal.key())
                .map(JdbcAccessKeys::map).list();
    }

    @Override
    public boolean updateStatus(AccessKeyId id, AccessKeyStatus status) {
        return handle.createUpdate("UPDATE access_keys SET status = :status WHERE id = :id")
                .bind("status", status.name()).bind("id", id.value()).execute() == 1;
    }

    /**
     * Only moves the date forward: nodes flush their batches independently, and an older batch
     * arriving late must not hide a newer use.
     */
    @Override
    public void recordUse(AccessKeyId id, Instant at, String region, String service) {
        handle.createUpdate("UPDATE access_keys SET last_used_at = :at, last_used_region = :region,"
                + " last_used_service = :service WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :at)")
                .bind("at", at.toEpochMilli()).bind("region", region).bind("service", service)
                .bind("id", id.value()).execute();
    }

    @Override
    public boolean delete(AccessKeyId id) {
        return handle.createUpdate("DELETE FROM access_keys WHERE id = :id").bind("id", id.value()).execute() == 1;
    }

    @Override
    public List<AccessKey> listAll() {
        return handle.createQuery("SELECT * FROM access_keys ORDER BY id").map(JdbcAccessKeys::map).list();
    }

    @Override
    public void updateSecret(AccessKeyId id, SealedSecret sealed) {
        handle.createUpdate("UPDATE access_keys SET secret_key_id = :keyId, secret_ciphertext = :ciphertext WHERE id = :id")
                .bind("keyId", sealed.keyId()).bind("ciphertext", sealed.ciphertext()).bind("id", id.value()).execute();
    }

    private static AccessKey map(ResultSet row, StatementContext context) throws SQLException {
        return new AccessKey(new AccessKeyId(row.getString("id")),
                PrincipalRef.fromKey(AccountId.of(row.getString("account_id")), row.getString("principal_key")),
                AccessKeyStatus.valueOf(row.getString("status")), Columns.instant(row, "created_at"),
                new SealedSecret(row.getString("secret_key_id"), row.getString("secret_ciphertext")),
                Columns.instantOrNull(row, "last_used_at"), row.getString("last_used_region"),
                row.getString("last_used_service"));
    }
}
