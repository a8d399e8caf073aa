package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.crypto.SealedSecret;
import dev.gatehouse.core.mfa.SerialNumber;
import dev.gatehouse.core.store.SessionCredentialRepository;
import dev.gatehouse.core.sts.MfaContext;
import dev.gatehouse.core.sts.SessionAccessKeyId;
import dev.gatehouse.core.sts.SessionCredentials;
import dev.gatehouse.core.sts.SessionTokenDigest;
import dev.gatehouse.core.user.AccessKeyId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbcSessionCredentials implements SessionCredentialRepository {

    private final Handle handle;

    JdbcSessionCredentials(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void insert(SessionCredentials credentials) {
        MfaContext mfa = credentials.mfa();
        JdbcAccounts.execute(handle.createUpdate("INSERT INTO session_credentials (id, account_id, principal_key,"
                + " source_access_key_id, created_at, expires_at, secret_key_id, secret_ciphertext, token_sha256,"
                + " mfa_serial, mfa_authenticated_at) VALUES (:id, :account, :principal, :source, :created, :expires,"
                + " :keyId, :ciphertext, :token, :mfaSerial, :mfaAt)")
                .bind("id", credentials.id().value())
                .bind("account", credentials.principal().accountId().value())
                .bind("principal", credentials.principal().key())
                .bind("source", credentials.sourceAccessKeyId().value())
                .bind("created", credentials.createdAt().toEpochMilli())
                .bind("expires", credentials.expiresAt().toEpochMilli())
                .bind("keyId", credentials.sealedSecret().keyId())
                .bind("ciphertext", credentials.sealedSecret().ciphertext())
                .bind("token", credentials.tokenDigest().hex())
                .bind("mfaSerial", mfa.present() ? mfa.serial().value() : null)
                .bind("mfaAt", Columns.millis(mfa.authenticatedAt())), "The access key ID is taken.");
    }

    @Override
    public Optional<SessionCredentials> find(SessionAccessKeyId id) {
        return handle.createQuery("SELECT * FROM session_credentials WHERE id = :id").bind("id", id.value())
                .map(JdbcSessionCredentials::map).findOne();
    }

    @Override
    public int deleteExpiredBefore(Instant cutoff) {
        return handle.createUpdate("DELETE FROM session_credentials WHERE expires_at < :cutoff")
                .bind("cutoff", cutoff.toEpochMilli()).execute();
    }

    @Override
    public List<SessionCredentials> listAll() {
        return handle.createQuery("SELECT * FROM session_credentials ORDER BY id")
                .map(JdbcSessionCredentials::map).list();
    }

    @Override
    public void updateSecret(SessionAccessKeyId id, SealedSecret sealed) {
        handle.createUpdate("UPDATE session_credentials SET secret_key_id = :keyId, secret_ciphertext = :ciphertext"
                + " WHERE id = :id")
                .bind("keyId", sealed.keyId()).bind("ciphertext", sealed.ciphertext()).bind("id", id.value()).execute();
    }

    private static SessionCredentials map(ResultSet row, StatementContext context) throws SQLException {
        String serial = row.getString("mfa_serial");
        MfaContext mfa = serial == null ? MfaContext.NONE
                : MfaContext.verified(SerialNumber.of(serial), Columns.instant(row, "mfa_authenticated_at"));
        return new SessionCredentials(SessionAccessKeyId.of(row.getString("id")),
                PrincipalRef.fromKey(AccountId.of(row.getString("account_id")), row.getString("principal_key")),
                AccessKeyId.of(row.getString("source_access_key_id")), Columns.instant(row, "created_at"),
                Columns.instant(row, "expires_at"),
                new SealedSecret(row.getString("secret_key_id"), row.getString("secret_ciphertext")),
                new SessionTokenDigest(row.getString("token_sha256")), mfa);
    }
}
