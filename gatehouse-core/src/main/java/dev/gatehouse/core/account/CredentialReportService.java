package dev.gatehouse.core.account;

import dev.gatehouse.core.error.ReportExpiredException;
import dev.gatehouse.core.error.ReportNotPresentException;
import dev.gatehouse.core.internal.Lookups;
import dev.gatehouse.core.store.Store;
import dev.gatehouse.core.store.StoreSession;
import dev.gatehouse.core.user.AccessKey;
import dev.gatehouse.core.user.AccessKeyStatus;
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.core.user.LoginProfile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Builds an account's credential report with AWS's values: ISO 8601 times, {@code N/A}, {@code not_supported}. */
public final class CredentialReportService {

    private static final String NOT_APPLICABLE = "N/A";
    private static final String NOT_SUPPORTED = "not_supported";
    private static final String NO_INFORMATION = "no_information";
    // AWS writes +00:00 rather than Z.
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);
    private static final int USERS_PER_READ = 1000;

    private final Store store;
    private final Clock clock;

    public CredentialReportService(Store store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** How long AWS serves a report before GetCredentialReport answers ReportExpired and a new one is generated. */
    public static final Duration VALIDITY = Duration.ofHours(4);

    /** What GenerateCredentialReport answers, in AWS's {@code ReportStateType} words. */
    public enum GenerationState {
        /** A new report was generated (synchronously, so it is already there to get). */
        STARTED,
        /** A report younger than {@link #VALIDITY} exists and is served as it is. */
        COMPLETE
    }

    /**
     * GenerateCredentialReport: generates and stores a report unless a fresh one exists, as AWS
     * does. Generation is synchronous; the stored report is what any node serves afterwards.
     */
    public GenerationState generateReport(AccountId accountId) {
        return store.inTransaction(session -> {
            Instant now = clock.instant();
            Optional<CredentialReport> existing = session.credentialReports().find(accountId);
            if (existing.isPresent() && !isExpired(existing.get(), now)) {
                Lookups.requireAccount(session, accountId);
                return GenerationState.COMPLETE;
            }
            session.credentialReports().save(accountId, build(session, accountId));
            return GenerationState.STARTED;
        });
    }

    /**
     * GetCredentialReport: the stored report.
     *
     * @throws ReportNotPresentException before the first GenerateCredentialReport
     * @throws ReportExpiredException once the report is older than {@link #VALIDITY}
     */
    public CredentialReport latestReport(AccountId accountId) {
        CredentialReport report = store.read(session -> session.credentialReports().find(accountId))
                .orElseThrow(() -> new ReportNotPresentException("Credential report not present. "
                        + "Use GenerateCredentialReport to generate one."));
        if (isExpired(report, clock.instant())) {
            throw new ReportExpiredException("Credential report is more than four hours old. "
                    + "Use GenerateCredentialReport to generate a new one.");
        }
        return report;
    }

    private static boolean isExpired(CredentialReport report, Instant now) {
        return !now.isBefore(report.generatedAt().plus(VALIDITY));
    }

    /** Builds the report as of now without storing it. */
    public CredentialReport generate(AccountId accountId) {
        return store.read(session -> build(session, accountId));
    }

    private CredentialReport build(StoreSession session, AccountId accountId) {
        {
            Account account = Lookups.requireAccount(session, accountId);
            List<CredentialReport.Row> rows = new ArrayList<>();
            rows.add(rootRow(session, account));
            Optional<String> after = Optional.empty();
            List<IamUser> batch;
            do {
                batch = session.users().list(accountId, after, USERS_PER_READ);
                for (IamUser user : batch) {
                    rows.add(userRow(session, account, user));
                }
                after = batch.isEmpty() ? after : Optional.of(batch.get(batch.size() - 1).name().normalized());
            } while (batch.size() == USERS_PER_READ);
            return new CredentialReport(clock.instant(), rows);
        }
    }

    private static CredentialReport.Row rootRow(StoreSession session, Account account) {
        PrincipalRef root = account.root();
        Optional<LoginProfile> profile = session.loginProfiles().find(root);
        List<String> values = new ArrayList<>(List.of("<root_account>", root.accountId().rootArn(),
                time(account.createdAt()), NOT_SUPPORTED,
                profile.flatMap(LoginProfile::lastUsed).map(CredentialReportService::time).orElse(NO_INFORMATION),
                NOT_SUPPORTED, NOT_SUPPORTED, String.valueOf(session.mfaDevices().countAssignedTo(root) > 0)));
        addKeysAndCertificates(values, session.accessKeys().listFor(root));
        return new CredentialReport.Row(values);
    }

    private static CredentialReport.Row userRow(StoreSession session, Account account, IamUser user) {
        PrincipalRef principal = user.principal();
        Optional<LoginProfile> profile = session.loginProfiles().find(principal);
        int maximumAgeDays = account.passwordPolicy().maximumAgeDays();
        List<String> values = new ArrayList<>(List.of(user.name().value(), user.arn(), time(user.createdAt()),
                String.valueOf(profile.isPresent()),
                profile.map(found -> found.lastUsed().map(CredentialReportService::time).orElse(NO_INFORMATION))
                        .orElse(NOT_APPLICABLE),
                profile.map(found -> time(found.changedAt())).orElse(NOT_APPLICABLE),
                profile.filter(found -> maximumAgeDays > 0)
                        .map(found -> time(found.changedAt().plus(Duration.ofDays(maximumAgeDays))))
                        .orElse(NOT_APPLICABLE),
                String.valueOf(session.mfaDevices().countAssignedTo(principal) > 0)));
        addKeysAndCertificates(values, session.accessKeys().listFor(principal));
        return new CredentialReport.Row(values);
    }

    private static void addKeysAndCertificates(List<String> values, List<AccessKey> keys) {
        for (int slot = 0; slot < 2; slot++) {
            if (slot < keys.size()) {
                AccessKey key = keys.get(slot);
                values.add(String.valueOf(key.status() == AccessKeyStatus.ACTIVE));
                values.add(time(key.createdAt()));
                values.add(key.lastUsed().map(CredentialReportService::time).orElse(NOT_APPLICABLE));
                values.add(Optional.ofNullable(key.lastUsedRegion()).orElse(NOT_APPLICABLE));
                values.add(Optional.ofNullable(key.lastUsedService()).orElse(NOT_APPLICABLE));
            } else {
                values.addAll(List.of("false", NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE));
            }
        }
        // Gatehouse has no signing certificates.
        values.addAll(List.of("false", NOT_APPLICABLE, "false", NOT_APPLICABLE));
    }

    private static String time(Instant instant) {
        return TIME.format(instant);
    }
}
