package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.store.AccessKeyRepository;
import dev.gatehouse.core.store.AccountRepository;
import dev.gatehouse.core.store.AuditRepository;
import dev.gatehouse.core.store.ConsoleSessionRepository;
import dev.gatehouse.core.store.CredentialReportRepository;
import dev.gatehouse.core.store.LoginProfileRepository;
import dev.gatehouse.core.store.MfaDeviceRepository;
import dev.gatehouse.core.store.QuotaRepository;
import dev.gatehouse.core.store.SessionCredentialRepository;
import dev.gatehouse.core.store.StoreSession;
import dev.gatehouse.core.store.ThrottleRepository;
import dev.gatehouse.core.store.UserRepository;
import org.jdbi.v3.core.Handle;

/** The repositories over one JDBI handle, inside one transaction. */
final class JdbcSession implements StoreSession {

    private final Handle handle;
    private final RowLocks rowLocks;

    JdbcSession(Handle handle, Database database) {
        this.handle = handle;
        this.rowLocks = new RowLocks(handle, database);
    }

    /** The handle under the repositories, for tests that write what no repository offers. */
    Handle handle() {
        return handle;
    }

    @Override
    public AccountRepository accounts() {
        return new JdbcAccounts(handle, rowLocks);
    }

    @Override
    public LoginProfileRepository loginProfiles() {
        return new JdbcLoginProfiles(handle, rowLocks);
    }

    @Override
    public UserRepository users() {
        return new JdbcUsers(handle, rowLocks);
    }

    @Override
    public AccessKeyRepository accessKeys() {
        return new JdbcAccessKeys(handle);
    }

    @Override
    public MfaDeviceRepository mfaDevices() {
        return new JdbcMfaDevices(handle, rowLocks);
    }

    @Override
    public QuotaRepository quotas() {
        return new JdbcQuotas(handle);
    }

    @Override
    public ThrottleRepository throttles() {
        return new JdbcThrottles(handle);
    }

    @Override
    public AuditRepository audit() {
        return new JdbcAudit(handle);
    }

    @Override
    public SessionCredentialRepository sessionCredentials() {
        return new JdbcSessionCredentials(handle);
    }

    @Override
    public CredentialReportRepository credentialReports() {
        return new JdbcCredentialReports(handle);
    }

    @Override
    public ConsoleSessionRepository consoleSessions() {
        return new JdbcConsoleSessions(handle);
    }
}
