package dev.gatehouse.core.store;

/** The repositories of one transaction. Valid only inside the work it was handed to. */
public interface StoreSession {

    AccountRepository accounts();

    LoginProfileRepository loginProfiles();

    UserRepository users();

    AccessKeyRepository accessKeys();

    MfaDeviceRepository mfaDevices();

    QuotaRepository quotas();

    ThrottleRepository throttles();

    AuditRepository audit();

    SessionCredentialRepository sessionCredentials();

    CredentialReportRepository credentialReports();

    ConsoleSessionRepository consoleSessions();
}
