package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.Page;
import dev.gatehouse.core.Tags;
import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.account.AccountAlias;
import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.account.AccountQuota;
import dev.gatehouse.core.account.AccountSummary;
import dev.gatehouse.core.account.CredentialReport;
import dev.gatehouse.core.account.CredentialReportService;
import dev.gatehouse.core.account.EmailAddress;
import dev.gatehouse.core.account.PasswordPolicy;
import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.audit.AuditAction;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditOutcome;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.console.ConsoleSession;
import dev.gatehouse.core.console.ConsoleSessionLimits;
import dev.gatehouse.core.console.ConsoleSessionService;
import dev.gatehouse.core.console.ConsoleSessionState;
import dev.gatehouse.core.console.IssuedConsoleSession;
import dev.gatehouse.core.crypto.KeyRing;
import dev.gatehouse.core.crypto.KeyRotationService;
import dev.gatehouse.core.crypto.MasterKey;
import dev.gatehouse.core.crypto.Password;
import dev.gatehouse.core.signin.PasswordSignIn;
import dev.gatehouse.core.crypto.PasswordHash;
import dev.gatehouse.core.crypto.SecretCipher;
import dev.gatehouse.core.error.AccessDeniedException;
import dev.gatehouse.core.error.DeleteConflictException;
import dev.gatehouse.core.error.EntityAlreadyExistsException;
import dev.gatehouse.core.error.InvalidAuthenticationCodeException;
import dev.gatehouse.core.error.InvalidInputException;
import dev.gatehouse.core.error.LimitExceededException;
import dev.gatehouse.core.error.NoSuchEntityException;
import dev.gatehouse.core.error.PasswordPolicyViolationException;
import dev.gatehouse.core.error.ServiceFailureException;
import dev.gatehouse.core.mfa.Assignment;
import dev.gatehouse.core.mfa.AssignmentStatus;
import dev.gatehouse.core.mfa.DeviceName;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.mfa.MfaDeviceKind;
import dev.gatehouse.core.mfa.MfaVerifier;
import dev.gatehouse.core.mfa.NewVirtualMfaDevice;
import dev.gatehouse.core.mfa.SerialNumber;
import dev.gatehouse.core.mfa.VerificationOutcome;
import dev.gatehouse.core.signin.SignInHistory;
import dev.gatehouse.core.store.MfaDeviceRepository.AssignOutcome;
import dev.gatehouse.core.store.StoreSession;
import dev.gatehouse.core.signin.SignInOutcome;
import dev.gatehouse.core.throttle.ThrottleState;
import dev.gatehouse.core.sts.ActiveSession;
import dev.gatehouse.core.sts.IssuedSessionCredentials;
import dev.gatehouse.core.sts.MfaContext;
import dev.gatehouse.core.sts.SessionAccessKeyId;
import dev.gatehouse.core.sts.SessionCredentials;
import dev.gatehouse.core.sts.SessionTokenDigest;
import dev.gatehouse.core.sts.SessionTokenService;
import dev.gatehouse.core.user.AccessKey;
import dev.gatehouse.core.user.AccessKeyStatus;
import dev.gatehouse.core.user.AccessKeyUse;
import dev.gatehouse.core.user.AdministratorCredentials;
import dev.gatehouse.core.user.IamPath;
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.core.user.LoginProfile;
import dev.gatehouse.core.user.NewAccessKey;
import dev.gatehouse.core.user.UserCredentialSummary;
import dev.gatehouse.core.user.UserName;
import dev.gatehouse.otp.HmacAlgorithm;
import dev.gatehouse.otp.OtpSecret;
import dev.gatehouse.otp.TotpGenerator;
import dev.gatehouse.otp.TotpParameters;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store's contract, through the domain services, run on each database by a subclass: every
 * operation and error, paging, rollback, and the replay race.
 */
abstract class StoreContractTest {

    static final TotpGenerator TOTP = new TotpGenerator(TotpParameters.AWS_DEFAULT);
    static final Origin ORIGIN = new Origin("arn:aws:iam::123456789012:user/operator", "203.0.113.9", "contract-test");
    static final Instant START = Instant.parse("2026-11-22T12:00:00Z");

    protected JdbcStore store;
    protected Services gatehouse;
    protected final MutableClock clock = new MutableClock(START);
    protected final SecretCipher cipher = new SecretCipher(KeyRing.of(MasterKey.generate(new SecureRandom())));
    private Account account;

    /** A fresh, empty, migrated store for one test. */
    protected abstract JdbcStore openStore();

    /** Another store on the same database, with its own pool, standing in for a second node. */
    protected abstract JdbcStore openStoreOnSameDatabase();

    @BeforeEach
    void openAndCreateAnAccount() {
        store = openStore();
        gatehouse = new Services(store, clock, cipher);
        account = gatehouse.accounts.createAccount("root@example.com", "general", "Correct-Horse-7");
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void readsTogetherOnOneSessionThatSeesWhatOthersCommitMeanwhile() {
        try (JdbcStore secondNode = openStoreOnSameDatabase()) {
            Services second = new Services(secondNode, clock, cipher);
            List<StoreSession> sessions = new ArrayList<>();
            IamUser seen = store.readingTogether(() -> {
                sessions.add(store.read(session -> session));
                assertThatThrownBy(() -> gatehouse.users.getUser(account.id(), UserName.of("late")))
                        .isInstanceOf(NoSuchEntityException.class);
                second.users.createUser(account.id(), UserName.of("late"), IamPath.ROOT, Tags.NONE, ORIGIN);
                sessions.add(store.read(session -> session));
                return gatehouse.users.getUser(account.id(), UserName.of("late"));
            });

            assertThat(sessions.get(1)).isSameAs(sessions.get(0));
            assertThat(seen.name()).isEqualTo(UserName.of("late"));
        }
    }

    @Test
    void refusesATransactionInsideReadingTogetherAndReleasesItsConnection() {
        assertThatThrownBy(() -> store.readingTogether(() -> {
            gatehouse.accounts.getAccount(account.id());
            return gatehouse.users.createUser(account.id(), UserName.of("sneaky"), IamPath.ROOT, Tags.NONE, ORIGIN);
        })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.readingTogether(() -> gatehouse.users.getUser(account.id(), UserName.of("sneaky"))))
                .isInstanceOf(NoSuchEntityException.class);

        // More scopes than the pool has connections: each gave its one back.
        for (int i = 0; i < store.settings().poolSize() * 3; i++) {
            assertThat(store.readingTogether(() -> gatehouse.accounts.getAccount(account.id()))).isEqualTo(account);
        }
    }

    @Test
    void countsVirtualDevicesAgainstTheAccountQuotaAndGivesBackWhatIsRolledBackOrDeleted() {
        NewVirtualMfaDevice first = gatehouse.mfaDevices.createVirtualMfaDevice(account.id(), IamPath.ROOT,
                DeviceName.of("first"), Tags.NONE, ORIGIN);
        gatehouse.mfaDevices.createVirtualMfaDevice(account.id(), IamPath.ROOT, DeviceName.of("second"), Tags.NONE, ORIGIN);
        // Hardware tokens are not virtual devices: AWS's quota leaves them out, and so does this one.
        gatehouse.mfaDevices.registerHardwareToken(account.id(), new SerialNumber("GAHT00000001"),
                OtpSecret.generate(), TotpParameters.AWS_DEFAULT, ORIGIN);

        // Two devices counted: a limit of two is reached, a limit of three has one place.
        assertThat(reservesAndRollsBack(AccountQuota.VIRTUAL_MFA_DEVICES, 2)).isFalse();
        assertThat(reservesAndRollsBack(AccountQuota.VIRTUAL_MFA_DEVICES, 3)).isTrue();
        // Had that place stayed taken, three would now be reached.
        assertThat(reservesAndRollsBack(AccountQuota.VIRTUAL_MFA_DEVICES, 3)).isTrue();

        gatehouse.mfaDevices.deleteVirtualMfaDevice(account.id(), first.device().serial(), ORIGIN);
        assertThat(reservesAndRollsBack(AccountQuota.VIRTUAL_MFA_DEVICES, 2)).isTrue();
        assertThat(reservesAndRollsBack(AccountQuota.VIRTUAL_MFA_DEVICES, 1)).isFalse();
    }

    @Test
    void givesBackNothingForAUserOrDeviceThatWasNotThere() {
        IamUser alice = gatehouse.users.createUser(account.id(), UserName.of("alice"), IamPath.ROOT, Tags.NONE, ORIGIN);
        NewVirtualMfaDevice device = gatehouse.mfaDevices.createVirtualMfaDevice(account.id(), IamPath.ROOT,
                DeviceName.of("only"), Tags.NONE, ORIGIN);
        gatehouse.users.deleteUser(account.id(), UserName.of("alice"), ORIGIN);
        gatehouse.mfaDevices.deleteVirtualMfaDevice(account.id(), device.device().serial(), ORIGIN);

        // Deleted again, by a second node that read them before the first deleted them.
        boolean userDeletedAgain = store.inTransaction(session -> session.users().delete(account.id(), alice.id()));
        boolean deviceDeletedAgain = store.inTransaction(session -> session.mfaDevices().delete(device.device()));
        assertThat(userDeletedAgain).isFalse();
        assertThat(deviceDeletedAgain).isFalse();

        assertThat(reservesAndRollsBack(AccountQuota.USERS, 1)).isTrue();
        assertThat(reservesAndRollsBack(AccountQuota.VIRTUAL_MFA_DEVICES, 1)).isTrue();
        // Each count is at nought, not below: a limit of nought has no room.
        assertThat(reservesAndRollsBack(AccountQuota.USERS, 0)).isFalse();
        assertThat(reservesAndRollsBack(AccountQuota.VIRTUAL_MFA_DEVICES, 0)).isFalse();
    }

    @Test
    void countsUsersAgainstTheirOwnQuotaAndGivesBackADeletedUsersPlace() {
        gatehouse.users.createUser(account.id(), UserName.of("alice"), IamPath.ROOT, Tags.NONE, ORIGIN);
        gatehouse.users.createAdministrator(account.id(), UserName.of("admin"), ORIGIN);
        gatehouse.mfaDevices.createVirtualMfaDevice(account.id(), IamPath.ROOT, DeviceName.of("spare"), Tags.NONE, ORIGIN);

        assertThat(reservesAndRollsBack(AccountQuota.USERS, 2)).isFalse();
        assertThat(reservesAndRollsBack(AccountQuota.USERS, 3)).isTrue();
        assertThat(reservesAndRollsBack(AccountQuota.VIRTUAL_MFA_DEVICES, 1)).isFalse();

        gatehouse.users.deleteUser(account.id(), UserName.of("alice"), ORIGIN);
        assertThat(reservesAndRollsBack(AccountQuota.USERS, 2)).isTrue();
    }

    @Test
    void countsTheUsersAndDevicesThatWereThereBeforeTheQuotasWereKept() throws SQLException {
        for (String name : List.of("first", "second", "third")) {
            gatehouse.mfaDevices.createVirtualMfaDevice(account.id(), IamPath.ROOT, DeviceName.of(name), Tags.NONE, ORIGIN);
            gatehouse.users.createUser(account.id(), UserName.of(name), IamPath.ROOT, Tags.NONE, ORIGIN);
        }
        gatehouse.mfaDevices.registerHardwareToken(account.id(), new SerialNumber("GAHT00000002"),
                OtpSecret.generate(), TotpParameters.AWS_DEFAULT, ORIGIN);
        gatehouse.users.createUser(account.id(), UserName.of("fourth"), IamPath.ROOT, Tags.NONE, ORIGIN);
        // Back to the schema before version 7, users and devices and all, and migrated again.
        migrateAgainFrom(7, DROP_PRINCIPAL_DEVICES, RESTORE_PRINCIPAL_LOCKS, "DROP TABLE account_quota_use");

        assertThat(reservesAndRollsBack(AccountQuota.VIRTUAL_MFA_DEVICES, 3)).isFalse();
        assertThat(reservesAndRollsBack(AccountQuota.VIRTUAL_MFA_DEVICES, 4)).isTrue();
        assertThat(reservesAndRollsBack(AccountQuota.USERS, 4)).isFalse();
        assertThat(reservesAndRollsBack(AccountQuota.USERS, 5)).isTrue();
    }

    /** What version 8 changed, undone: back to the table of version 1. */
    private static final String DROP_PRINCIPAL_DEVICES = "DROP TABLE principal_devices";
    private static final String RESTORE_PRINCIPAL_LOCKS = "CREATE TABLE principal_locks (account_id TEXT NOT NULL,"
            + " principal_key TEXT NOT NULL, version BIGINT NOT NULL, PRIMARY KEY (account_id, principal_key))";

    @Test
    void countsTheDevicesEnabledBeforeThePrincipalsCountsWereKept() throws SQLException {
        PrincipalRef alice = gatehouse.users.createUser(account.id(), UserName.of("alice"), IamPath.ROOT, Tags.NONE,
                ORIGIN).principal();
        enable(account.root(), "root-first");
        enable(account.root(), "root-second");
        enable(alice, "alice-only");
        create("spare");
        migrateAgainFrom(8, DROP_PRINCIPAL_DEVICES, RESTORE_PRINCIPAL_LOCKS);

        assertThat(placesTaken(account.root())).isEqualTo(2);
        assertThat(placesTaken(alice)).isEqualTo(1);
    }

    /**
     * Takes the schema back to before {@code version}, rows and all, with {@code undo}, which undoes
     * that version and those after it, newest first; then opens the store again, which migrates.
     */
    private void migrateAgainFrom(int version, String... undo) throws SQLException {
        try (Connection connection = DriverManager.getConnection(store.settings().jdbcUrl());
                Statement statement = connection.createStatement()) {
            for (String sql : undo) {
                statement.execute(sql);
            }
            statement.execute("DELETE FROM flyway_schema_history WHERE CAST(version AS INTEGER) >= " + version);
        }
        store.close();
        store = openStoreOnSameDatabase();
    }

    @Test
    void refusesToCreateInAnAccountThatDoesNotExistAndWritesNothing() {
        AccountId missing = AccountId.of("999999999999");
        IamUser alice = gatehouse.users.createUser(account.id(), UserName.of("alice"), IamPath.ROOT, Tags.NONE, ORIGIN);

        assertThatThrownBy(() -> gatehouse.users.createUser(missing, UserName.of("ghost"), IamPath.ROOT, Tags.NONE, ORIGIN))
                .isInstanceOf(NoSuchEntityException.class).hasMessage("The account 999999999999 cannot be found.");
        // A device created by a user is labelled with the user's name: no read of the account but the quota's.
        assertThatThrownBy(() -> gatehouse.mfaDevices.createVirtualMfaDevice(missing, IamPath.ROOT, DeviceName.of("ghost"),
                Tags.NONE, alice.principal(), Optional.of(alice.name()), ORIGIN))
                .isInstanceOf(NoSuchEntityException.class).hasMessage("The account 999999999999 cannot be found.");
        assertThatThrownBy(() -> store.inTransaction(session -> session.quotas().reserve(missing, AccountQuota.USERS, 5)))
                .isInstanceOf(NoSuchEntityException.class);

        assertThat(store.<Integer>read(session -> ((JdbcSession) session).handle().createQuery(
                "SELECT COUNT(*) FROM account_quota_use WHERE account_id = :account")
                .bind("account", missing.value()).mapTo(Integer.class).one())).isZero();
        assertThat(store.<Integer>read(session -> ((JdbcSession) session).handle().createQuery(
                "SELECT (SELECT COUNT(*) FROM iam_users WHERE account_id = :account)"
                        + " + (SELECT COUNT(*) FROM mfa_devices WHERE account_id = :account)")
                .bind("account", missing.value()).mapTo(Integer.class).one())).isZero();
    }

    @Test
    void readsTheThrottlesOfSeveralKeysAtOnce() {
        Instant now = clock.instant();
        store.inTransaction(session -> {
            session.throttles().recordFailure("device:a", now);
            session.throttles().recordFailure("device:a", now);
            session.throttles().blockUntil("principal:b", now.plusSeconds(60));
            return null;
        });

        assertThat(store.<List<ThrottleState>>read(session -> session.throttles().find(List.of("device:a", "principal:b", "device:c"))))
                .containsExactlyInAnyOrder(new ThrottleState("device:a", 2, Instant.EPOCH),
                        new ThrottleState("principal:b", 0, now.plusSeconds(60)));
        assertThat(store.<List<ThrottleState>>read(session -> session.throttles().find(List.of("device:c")))).isEmpty();
        assertThat(store.<List<ThrottleState>>read(session -> session.throttles().find(List.of()))).isEmpty();
    }

    /** Whether the account has room under {@code limit}, asked in a unit of work that is then rolled back. */
    private boolean reservesAndRollsBack(AccountQuota quota, int limit) {
        boolean[] reserved = new boolean[1];
        assertThatThrownBy(() -> store.inTransaction(session -> {
            reserved[0] = session.quotas().reserve(account.id(), quota, limit);
            throw new IllegalStateException("rolled back");
        })).hasRootCauseMessage("rolled back");
        return reserved[0];
    }

    @Test
    void readsUsersAndListedDevicesWithAllTheirTagsAndPagesTheDevices() {
        Tags tags = Tags.of(Map.of("team", "blue", "cost-centre", "42"));
        IamUser alice = gatehouse.users.createUser(account.id(), UserName.of("alice"), IamPath.ROOT, tags, ORIGIN);
        IamUser bob = gatehouse.users.createUser(account.id(), UserName.of("bob"), IamPath.ROOT, Tags.NONE, ORIGIN);
        NewVirtualMfaDevice tagged = enable(alice.principal(), "alice-a");
        gatehouse.mfaDevices.tagMfaDevice(account.id(), tagged.device().serial(), tags);
        enable(alice.principal(), "alice-b");
        enable(alice.principal(), "alice-c");

        assertThat(gatehouse.users.getUser(account.id(), UserName.of("ALICE")).tags()).isEqualTo(tags);
        assertThat(gatehouse.users.findUser(account.id(), alice.id()).orElseThrow().tags()).isEqualTo(tags);
        assertThat(gatehouse.users.findUser(account.id(), bob.id()).orElseThrow().tags()).isEqualTo(Tags.NONE);
        Page<MfaDevice> first = gatehouse.mfaDevices.listMfaDevices(alice.principal(), Optional.empty(), 2);
        Page<MfaDevice> second = gatehouse.mfaDevices.listMfaDevices(alice.principal(), first.nextMarker(), 2);
        assertThat(first.items()).extracting(device -> device.name() + "=" + device.tags().values().size())
                .containsExactly("alice-a=2", "alice-b=0");
        assertThat(first.items().get(0).tags()).isEqualTo(tags);
        assertThat(gatehouse.mfaDevices.getMfaDevice(account.id(), tagged.device().serial()).tags()).isEqualTo(tags);
        assertThat(gatehouse.mfaDevices.getMfaDevice(account.id(), first.items().get(1).serial()).tags()).isEqualTo(Tags.NONE);
        assertThat(second.items()).extracting(MfaDevice::name).containsExactly("alice-c");
        assertThat(second.nextMarker()).isEmpty();
        assertThat(gatehouse.mfaDevices.listMfaDevices(bob.principal(), Optional.empty(), 10).items()).isEmpty();
        gatehouse.users.deleteUser(account.id(), UserName.of("bob"), ORIGIN);
        assertThatThrownBy(() -> gatehouse.mfaDevices.listMfaDevices(bob.principal(), Optional.empty(), 10))
                .isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void findsAnAccountByIdAliasAndEmailInAnyCase() {
        assertThat(gatehouse.accounts.getAccount(account.id())).isEqualTo(account);
        assertThat(gatehouse.accounts.resolve("general")).isEqualTo(account);
        assertThat(gatehouse.accounts.findByRootEmail(EmailAddress.of("ROOT@EXAMPLE.COM"))).contains(account);
    }

    @Test
    void refusesATakenEmailOrAliasAndWritesNothing() {
        assertThatThrownBy(() -> gatehouse.accounts.createAccount("Root@example.com", null, "Correct-Horse-7"))
                .isInstanceOf(EntityAlreadyExistsException.class);
        assertThatThrownBy(() -> gatehouse.accounts.createAccount("other@example.com", "general", "Correct-Horse-7"))
                .isInstanceOf(EntityAlreadyExistsException.class);
        assertThatThrownBy(() -> gatehouse.accounts.createAccount("weak@example.com", null, "weak"))
                .isInstanceOf(PasswordPolicyViolationException.class);
        assertThat(gatehouse.accounts.listAccounts()).containsExactly(account);
    }

    @Test
    void refusesATakenUserNameInAnyCaseAndGoesOnWorking() {
        gatehouse.users.createUser(account.id(), UserName.of("alice"), IamPath.ROOT, Tags.NONE, ORIGIN);

        // The insert's unique constraint is the only check: its failure must not poison the
        // transaction or the writer for the work that follows.
        assertThatThrownBy(() -> gatehouse.users.createUser(account.id(), UserName.of("ALICE"), IamPath.ROOT,
                Tags.of(Map.of("team", "red")), ORIGIN))
                .isInstanceOf(EntityAlreadyExistsException.class)
                .hasMessage("User with name ALICE already exists.");
        gatehouse.users.createUser(account.id(), UserName.of("bob"), IamPath.ROOT, Tags.NONE, ORIGIN);

        assertThat(gatehouse.users.listUsers(account.id(), Optional.empty(), 10).items())
                .extracting(user -> user.name().value() + "=" + user.tags().values().size())
                .containsExactly("alice=0", "bob=0");
    }

    @Test
    void keepsThePasswordPolicyAndAlias() {
        PasswordPolicy policy = new PasswordPolicy(12, true, true, false, true, 2, 5, 90);
        gatehouse.accounts.updatePasswordPolicy(account.id(), policy, ORIGIN);
        gatehouse.accounts.setAlias(account.id(), AccountAlias.of("renamed"), ORIGIN);
        Account reread = gatehouse.accounts.getAccount(account.id());
        assertThat(reread.passwordPolicy()).isEqualTo(policy);
        assertThat(reread.aliasIfAny()).contains(AccountAlias.of("renamed"));
    }

    @Test
    void summarisesTheAccount() {
        gatehouse.users.createUser(account.id(), UserName.of("alice"), IamPath.ROOT, Tags.NONE, ORIGIN);
        create("spare");
        enable(account.root(), "root-account-mfa-device");
        gatehouse.accessKeys.createAccessKey(account.root(), ORIGIN);
        assertThat(gatehouse.accounts.getAccountSummary(account.id()))
                .isEqualTo(new AccountSummary(true, true, true, 2, 1, 1));
    }

    @Test
    void keepsTheLatestCredentialReportForEveryNode() {
        CredentialReportService reports = new CredentialReportService(store, clock);
        assertThat(reports.generateReport(account.id())).isEqualTo(CredentialReportService.GenerationState.STARTED);
        CredentialReport first = reports.latestReport(account.id());
        clock.advance(Duration.ofHours(5));
        assertThat(reports.generateReport(account.id())).as("replaced once expired")
                .isEqualTo(CredentialReportService.GenerationState.STARTED);

        try (JdbcStore secondNode = openStoreOnSameDatabase()) {
            CredentialReport seen = new CredentialReportService(secondNode, clock).latestReport(account.id());
            assertThat(seen.generatedAt()).isEqualTo(first.generatedAt().plus(Duration.ofHours(5)));
            assertThat(seen.rows()).isEqualTo(first.rows());
        }
    }

    @Test
    void refusesAReusedPasswordFromTheHistory() {
        gatehouse.accounts.updatePasswordPolicy(account.id(), new PasswordPolicy(8, false, false, false, false, 3, 3, 0),
                ORIGIN);
        gatehouse.passwords.changePassword(account.root(), Password.of("Correct-Horse-7"), Password.of("Correct-Horse-8"),
                ORIGIN);
        assertThatThrownBy(() -> gatehouse.passwords.changePassword(account.root(), Password.of("Correct-Horse-8"),
                Password.of("Correct-Horse-7"), ORIGIN)).isInstanceOf(PasswordPolicyViolationException.class);
    }

    @Test
    void signsInAndRecordsTheLastUse() {
        assertThat(gatehouse.signIn.signInRoot("root@example.com", Password.of("Correct-Horse-7"), ORIGIN).outcome())
                .isEqualTo(SignInOutcome.SIGNED_IN);
        assertThat(gatehouse.passwords.findLoginProfile(account.root()).orElseThrow().lastUsed()).contains(START);
        assertThat(gatehouse.signIn.signInRoot("root@example.com", Password.of("wrong"), ORIGIN).outcome())
                .isEqualTo(SignInOutcome.FAILED);
    }

    @Test
    void pagesTheSignInHistoryNewestFirstWithNothingElse() {
        Account other = gatehouse.accounts.createAccount("other@example.com", null, "Correct-Horse-7");
        gatehouse.signIn.signInRoot("other@example.com", Password.of("Correct-Horse-7"), ORIGIN);
        // Four sign-in events in one millisecond, so that page boundaries fall inside it.
        gatehouse.signIn.signInRoot("root@example.com", Password.of("wrong"), ORIGIN);
        gatehouse.signIn.signInRoot("root@example.com", Password.of("Correct-Horse-7"), ORIGIN);
        store.inTransaction(session -> gatehouse.audit.record(session, account.id(), account.id().rootArn(),
                AuditAction.SIGN_IN_MFA, AuditOutcome.SUCCESS, ORIGIN, true, "device root-phone"));
        gatehouse.signIn.signInRoot("root@example.com", Password.of("wrong again"), ORIGIN);
        gatehouse.users.createUser(account.id(), UserName.of("not-a-sign-in"), IamPath.ROOT, Tags.NONE, ORIGIN);
        clock.advance(Duration.ofSeconds(1));
        gatehouse.signIn.signInRoot("root@example.com", Password.of("Correct-Horse-7"), ORIGIN);
        SignInHistory history = new SignInHistory(store);

        List<AuditEvent> whole = history.list(account.id(), Optional.empty(), 100).items();
        List<AuditEvent> paged = new ArrayList<>();
        Optional<String> marker = Optional.empty();
        do {
            Page<AuditEvent> page = history.list(account.id(), marker, 1);
            paged.addAll(page.items());
            marker = page.nextMarker();
        } while (marker.isPresent());

        assertThat(whole).hasSize(5).extracting(AuditEvent::action).containsOnly(AuditAction.SIGN_IN_PASSWORD,
                AuditAction.SIGN_IN_MFA);
        assertThat(whole.get(0).at()).isEqualTo(START.plusSeconds(1));
        assertThat(whole).extracting(AuditEvent::outcome).containsExactlyInAnyOrder(AuditOutcome.SUCCESS,
                AuditOutcome.SUCCESS, AuditOutcome.SUCCESS, AuditOutcome.FAILURE, AuditOutcome.FAILURE);
        assertThat(whole).filteredOn(AuditEvent::mfaUsed).extracting(AuditEvent::action)
                .containsExactly(AuditAction.SIGN_IN_MFA);
        assertThat(paged).isEqualTo(whole);
        assertThat(history.list(other.id(), Optional.empty(), 100).items()).hasSize(1);
        assertThatThrownBy(() -> history.list(account.id(), Optional.of("bm90IGEgbWFya2Vy"), 10))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void storesUsersWithTagsAndNamesUniqueIgnoringCase() {
        IamUser alice = gatehouse.users.createUser(account.id(), UserName.of("Alice"), new IamPath("/staff/"),
                Tags.of(Map.of("team", "ops")), ORIGIN);
        assertThat(gatehouse.users.getUser(account.id(), UserName.of("alice"))).isEqualTo(alice);
        assertThatThrownBy(() -> gatehouse.users.createUser(account.id(), UserName.of("ALICE"), IamPath.ROOT, Tags.NONE,
                ORIGIN)).isInstanceOf(EntityAlreadyExistsException.class);
        gatehouse.users.tagUser(account.id(), UserName.of("alice"), Tags.of(Map.of("tier", "1")));
        assertThat(gatehouse.users.getUser(account.id(), UserName.of("alice")).tags().values())
                .containsExactly(Map.entry("team", "ops"), Map.entry("tier", "1"));
    }

    @Test
    void renamesAUserAndRefusesATakenNameAtTheDatabaseToo() {
        IamUser alice = gatehouse.users.createUser(account.id(), UserName.of("alice"), IamPath.ROOT,
                Tags.of(java.util.Map.of("team", "a")), ORIGIN);
        IamUser bob = gatehouse.users.createUser(account.id(), UserName.of("bob"), IamPath.ROOT, Tags.NONE, ORIGIN);

        gatehouse.users.updateUser(account.id(), UserName.of("alice"), java.util.Optional.of(UserName.of("alicia")),
                java.util.Optional.of(new IamPath("/staff/")), ORIGIN);

        IamUser renamed = gatehouse.users.getUser(account.id(), UserName.of("ALICIA"));
        assertThat(renamed.id()).isEqualTo(alice.id());
        assertThat(renamed.path().value()).isEqualTo("/staff/");
        assertThat(renamed.tags()).isEqualTo(alice.tags());
        // Past the domain's check, the unique index still holds.
        assertThatThrownBy(() -> store.inTransaction(session -> {
            session.users().updateNameAndPath(bob.withNameAndPath(UserName.of("Alicia"), IamPath.ROOT));
            return null;
        })).isInstanceOf(EntityAlreadyExistsException.class);
    }

    @Test
    void pagesUsersInAStableOrder() {
        for (String name : List.of("dave", "bob", "erin", "carol", "alice")) {
            gatehouse.users.createUser(account.id(), UserName.of(name), IamPath.ROOT, Tags.NONE, ORIGIN);
        }
        List<String> seen = new ArrayList<>();
        Optional<String> marker = Optional.empty();
        do {
            Page<IamUser> page = gatehouse.users.listUsers(account.id(), marker, 2);
            page.items().forEach(user -> seen.add(user.name().value()));
            marker = page.nextMarker();
        } while (marker.isPresent());
        assertThat(seen).containsExactly("alice", "bob", "carol", "dave", "erin");
    }

    @Test
    void listsAPageOfUsersWithTheirCredentialsInOneRead() {
        IamUser alice = gatehouse.users.createUser(account.id(), UserName.of("alice"), IamPath.ROOT, Tags.NONE, ORIGIN);
        IamUser bob = gatehouse.users.createUser(account.id(), UserName.of("bob"), IamPath.ROOT, Tags.NONE, ORIGIN);
        gatehouse.users.createUser(account.id(), UserName.of("carol"), IamPath.ROOT, Tags.NONE, ORIGIN);
        gatehouse.passwords.createLoginProfile(alice.principal(), Password.of("Correct-Horse-8"), false, ORIGIN);
        clock.advance(Duration.ofSeconds(30));
        gatehouse.signIn.signInUser(account.id().value(), "alice", Password.of("Correct-Horse-8"), ORIGIN);
        gatehouse.passwords.createLoginProfile(bob.principal(), Password.of("Correct-Horse-9"), false, ORIGIN);
        enable(bob.principal(), "bob-phone");
        NewAccessKey used = gatehouse.accessKeys.createAccessKey(bob.principal(), ORIGIN);
        gatehouse.accessKeys.createAccessKey(bob.principal(), ORIGIN);
        gatehouse.accessKeys.recordUses(List.of(new AccessKeyUse(used.key().id(), START.plusSeconds(90), "eu-west-1", "sts")));
        // The root user's key and another account's user are nobody's in this list.
        gatehouse.accessKeys.createAccessKey(account.root(), ORIGIN);
        Account other = gatehouse.accounts.createAccount("other@example.com", null, "Correct-Horse-7");
        gatehouse.users.createUser(other.id(), UserName.of("alice"), IamPath.ROOT, Tags.NONE, ORIGIN);

        Page<UserCredentialSummary> first = gatehouse.users.listUsersWithCredentials(account.id(), Optional.empty(), 2);
        assertThat(first.items()).extracting(summary -> summary.user().name().value()).containsExactly("alice", "bob");
        assertThat(first.items().get(0)).satisfies(summary -> {
            assertThat(summary.user()).isEqualTo(alice);
            assertThat(summary.mfaEnabled()).isFalse();
            assertThat(summary.passwordEnabled()).isTrue();
            assertThat(summary.passwordLastUsed()).contains(START.plusSeconds(30));
            assertThat(summary.accessKeyCount()).isZero();
            assertThat(summary.accessKeysLastUsed()).isEmpty();
        });
        assertThat(first.items().get(1)).satisfies(summary -> {
            assertThat(summary.mfaEnabled()).isTrue();
            assertThat(summary.passwordEnabled()).isTrue();
            assertThat(summary.passwordLastUsed()).isEmpty();
            assertThat(summary.accessKeyCount()).isEqualTo(2);
            assertThat(summary.accessKeysLastUsed()).contains(START.plusSeconds(90));
        });
        Page<UserCredentialSummary> second = gatehouse.users.listUsersWithCredentials(account.id(), first.nextMarker(), 2);
        assertThat(second.items()).singleElement().satisfies(summary -> {
            assertThat(summary.user().name().value()).isEqualTo("carol");
            assertThat(summary.mfaEnabled()).isFalse();
            assertThat(summary.passwordEnabled()).isFalse();
            assertThat(summary.accessKeyCount()).isZero();
        });
        assertThat(second.nextMarker()).isEmpty();
    }

    @Test
    void rollsBackAnAdministratorWhoseNameIsTaken() {
        gatehouse.users.createUser(account.id(), UserName.of("admin"), IamPath.ROOT, Tags.NONE, ORIGIN);
        assertThatThrownBy(() -> gatehouse.users.createAdministrator(account.id(), UserName.of("ADMIN"), ORIGIN))
                .isInstanceOf(EntityAlreadyExistsException.class);
        assertThat(gatehouse.users.listUsers(account.id(), Optional.empty(), 100).items()).hasSize(1);
    }

    @Test
    void createsAnAdministratorWithAKeyThatSigns() {
        AdministratorCredentials admin = gatehouse.users.createAdministrator(account.id(), UserName.of("admin"), ORIGIN);
        assertThat(gatehouse.users.getUser(account.id(), UserName.of("admin")).administrator()).isTrue();
        assertThat(gatehouse.accessKeys.signingKey(admin.accessKey().key().id()).orElseThrow().secret())
                .isEqualTo(admin.accessKey().secret());
    }

    @Test
    void keepsAtMostTwoAccessKeysAndTheirStatusAndLastUse() {
        NewAccessKey first = gatehouse.accessKeys.createAccessKey(account.root(), ORIGIN);
        gatehouse.accessKeys.createAccessKey(account.root(), ORIGIN);
        assertThatThrownBy(() -> gatehouse.accessKeys.createAccessKey(account.root(), ORIGIN))
                .isInstanceOf(LimitExceededException.class);
        gatehouse.accessKeys.updateAccessKey(account.root(), first.key().id(), AccessKeyStatus.INACTIVE, ORIGIN);
        assertThat(gatehouse.accessKeys.signingKey(first.key().id())).isEmpty();
        gatehouse.accessKeys.recordUse(first.key().id(), "eu-west-1", "sts");
        assertThat(gatehouse.accessKeys.listAccessKeys(account.root()))
                .filteredOn(key -> key.id().equals(first.key().id()))
                .singleElement().satisfies(key -> {
                    assertThat(key.status()).isEqualTo(AccessKeyStatus.INACTIVE);
                    assertThat(key.lastUsedRegion()).isEqualTo("eu-west-1");
                    assertThat(key.lastUsed()).contains(START);
                });
    }

    @Test
    void keepsTheNewestUseWhenAnOlderBatchArrivesLate() {
        NewAccessKey key = gatehouse.accessKeys.createAccessKey(account.root(), ORIGIN);
        gatehouse.accessKeys.recordUses(List.of(new AccessKeyUse(key.key().id(), START.plusSeconds(10), "eu-west-1", "sts")));

        gatehouse.accessKeys.recordUses(List.of(new AccessKeyUse(key.key().id(), START.plusSeconds(5), "us-east-1", "iam")));

        assertThat(gatehouse.accessKeys.listAccessKeys(account.root())).singleElement().satisfies(stored -> {
            assertThat(stored.lastUsed()).contains(START.plusSeconds(10));
            assertThat(stored.lastUsedRegion()).isEqualTo("eu-west-1");
        });
    }

    @Test
    void refusesToDeleteAUserWithAnMfaDevice() {
        IamUser bob = gatehouse.users.createUser(account.id(), UserName.of("bob"), IamPath.ROOT, Tags.NONE, ORIGIN);
        NewVirtualMfaDevice device = enable(bob.principal(), "bob");
        assertThatThrownBy(() -> gatehouse.users.deleteUser(account.id(), bob.name(), ORIGIN))
                .isInstanceOf(DeleteConflictException.class);
        gatehouse.mfaDevices.deactivateMfaDevice(bob.principal(), device.device().serial(), ORIGIN);
        gatehouse.users.deleteUser(account.id(), bob.name(), ORIGIN);
    }

    @Test
    void runsTheMfaDeviceLifecycle() {
        NewVirtualMfaDevice created = create("root-phone");
        assertThatThrownBy(() -> create("ROOT-PHONE")).isInstanceOf(EntityAlreadyExistsException.class);
        SerialNumber serial = created.device().serial();
        long now = step();
        assertThatThrownBy(() -> gatehouse.mfaDevices.enableMfaDevice(account.root(), serial, code(created, now - 3),
                code(created, now), ORIGIN)).isInstanceOf(InvalidAuthenticationCodeException.class);
        MfaDevice enabled = gatehouse.mfaDevices.enableMfaDevice(account.root(), serial, code(created, now + 3),
                code(created, now + 4), ORIGIN);
        assertThat(enabled.driftSteps()).isEqualTo(4);
        assertThat(enabled.lastAcceptedStep()).isEqualTo(now + 4);
        assertThat(enabled.assignment().principal()).isEqualTo(account.root());
        assertThatThrownBy(() -> gatehouse.mfaDevices.deleteVirtualMfaDevice(account.id(), serial, ORIGIN))
                .isInstanceOf(DeleteConflictException.class);
        // Past the steps the enable used: those codes are spent.
        clock.advance(Duration.ofMinutes(3));
        MfaDevice resynced = gatehouse.mfaDevices.resyncMfaDevice(account.root(), serial, code(created, step()),
                code(created, step() + 1), ORIGIN);
        assertThat(resynced.driftSteps()).isEqualTo(1);
        gatehouse.mfaDevices.deactivateMfaDevice(account.root(), serial, ORIGIN);
        gatehouse.mfaDevices.deleteVirtualMfaDevice(account.id(), serial, ORIGIN);
        assertThatThrownBy(() -> gatehouse.mfaDevices.getMfaDevice(account.id(), serial))
                .isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void limitsAPrincipalToEightDevices() {
        for (int i = 1; i <= 8; i++) {
            enable(account.root(), "device-" + i);
        }
        NewVirtualMfaDevice ninth = create("device-9");
        long now = step();
        assertThatThrownBy(() -> gatehouse.mfaDevices.enableMfaDevice(account.root(), ninth.device().serial(),
                code(ninth, now - 1), code(ninth, now), ORIGIN)).isInstanceOf(LimitExceededException.class);
        assertThat(gatehouse.mfaDevices.listMfaDevices(account.root(), Optional.empty(), 100).items()).hasSize(8);
    }

    @Test
    void keepsEachPrincipalsCountOfEnabledDevicesThroughEnableAndDeactivate() {
        PrincipalRef alice = gatehouse.users.createUser(account.id(), UserName.of("alice"), IamPath.ROOT, Tags.NONE,
                ORIGIN).principal();
        NewVirtualMfaDevice first = enable(account.root(), "root-first");
        enable(account.root(), "root-second");
        enable(alice, "alice-only");
        assertThat(placesTaken(account.root())).isEqualTo(2);
        assertThat(placesTaken(alice)).isEqualTo(1);

        MfaDevice readWhileRoots = gatehouse.mfaDevices.getMfaDevice(account.id(), first.device().serial());
        gatehouse.mfaDevices.deactivateMfaDevice(account.root(), first.device().serial(), ORIGIN);
        assertThat(placesTaken(account.root())).isEqualTo(1);
        long now = step();
        gatehouse.mfaDevices.enableMfaDevice(alice, first.device().serial(), code(first, now + 1), code(first, now + 2),
                ORIGIN);
        // A second node's deactivation for root, read before the device moved to alice, changes nothing.
        boolean unassignedAgain = store.inTransaction(session -> session.mfaDevices().unassign(readWhileRoots));

        assertThat(unassignedAgain).isFalse();
        assertThat(gatehouse.mfaDevices.getMfaDevice(account.id(), first.device().serial()).assignment().principal())
                .isEqualTo(alice);
        assertThat(placesTaken(account.root())).isEqualTo(1);
        assertThat(placesTaken(alice)).isEqualTo(2);
    }

    @Test
    void takesNoPlaceForADeviceEnabledMeanwhileOrAPrincipalAtItsLimit() {
        PrincipalRef alice = gatehouse.users.createUser(account.id(), UserName.of("alice"), IamPath.ROOT, Tags.NONE,
                ORIGIN).principal();
        NewVirtualMfaDevice taken = enable(account.root(), "root-only");
        String spare = create("spare").device().id();
        String another = create("another").device().id();
        Assignment toAlice = new Assignment(alice, clock.instant());

        // The device was read unassigned, then another node enabled it for root.
        AssignOutcome takenMeanwhile = store.inTransaction(session -> session.mfaDevices().assign(taken.device().id(),
                toAlice, 0, step(), 8));
        AssignOutcome first = store.inTransaction(session -> session.mfaDevices().assign(spare, toAlice, 0, step(), 1));
        AssignOutcome second = store.inTransaction(session -> session.mfaDevices().assign(another, toAlice, 0, step(), 1));

        assertThat(takenMeanwhile).isEqualTo(AssignOutcome.ALREADY_ASSIGNED);
        assertThat(first).isEqualTo(AssignOutcome.ASSIGNED);
        assertThat(second).isEqualTo(AssignOutcome.PRINCIPAL_AT_LIMIT);
        assertThat(placesTaken(alice)).isEqualTo(1);
        assertThat(placesTaken(account.root())).isEqualTo(1);
    }

    @Test
    void deletesNoDeviceEnabledSinceItWasReadAndKeepsItsTags() {
        NewVirtualMfaDevice device = gatehouse.mfaDevices.createVirtualMfaDevice(account.id(), IamPath.ROOT,
                DeviceName.of("racing"), Tags.of(Map.of("team", "blue")), ORIGIN);
        long now = step();
        gatehouse.mfaDevices.enableMfaDevice(account.root(), device.device().serial(), code(device, now - 1),
                code(device, now), ORIGIN);

        // device.device() is the device as read before it was enabled, as a racing delete would have read it.
        boolean deleted = store.inTransaction(session -> session.mfaDevices().delete(device.device()));

        assertThat(deleted).isFalse();
        MfaDevice kept = gatehouse.mfaDevices.getMfaDevice(account.id(), device.device().serial());
        assertThat(kept.isAssigned()).isTrue();
        assertThat(kept.tags()).isEqualTo(Tags.of(Map.of("team", "blue")));
        assertThat(placesTaken(account.root())).isEqualTo(1);
        // Its place in the account's quota is still taken.
        assertThat(reservesAndRollsBack(AccountQuota.VIRTUAL_MFA_DEVICES, 1)).isFalse();
    }

    @Test
    void dropsTheCountOfADeletedUser() {
        IamUser alice = gatehouse.users.createUser(account.id(), UserName.of("alice"), IamPath.ROOT, Tags.NONE, ORIGIN);
        NewVirtualMfaDevice device = enable(alice.principal(), "alice-phone");
        gatehouse.mfaDevices.deactivateMfaDevice(alice.principal(), device.device().serial(), ORIGIN);
        assertThat(keptCount(alice.principal())).contains(0);

        gatehouse.users.deleteUser(account.id(), alice.name(), ORIGIN);

        assertThat(keptCount(alice.principal())).isEmpty();
    }

    /**
     * How long a unit of work is given to finish while another holds what it needs: it must not. With
     * the hold missing it finishes within milliseconds; a host slow enough to need longer could only
     * let such a defect pass, never fail code that waits.
     */
    private static final Duration WAITS_AT_LEAST = Duration.ofMillis(500);

    @Test
    void aDeletionWaitsForTheUnitOfWorkHoldingTheUserAndThenSeesTheDeviceItEnabled() throws Exception {
        IamUser bob = gatehouse.users.createUser(account.id(), UserName.of("bob"), IamPath.ROOT, Tags.NONE, ORIGIN);
        String device = create("bobs-phone").device().id();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<AssignOutcome> enabling = pool.submit(() -> store.inTransaction(session -> {
                Optional<IamUser> found = session.users().findAndHold(account.id(), bob.id());
                held.countDown();
                awaitOrFail(release);
                return found.isPresent()
                        ? session.mfaDevices().assign(device, new Assignment(bob.principal(), clock.instant()), 0, step(), 8)
                        : null;
            }));
            awaitOrFail(held);
            Future<?> deleting = pool.submit(() -> {
                gatehouse.users.deleteUser(account.id(), bob.name(), ORIGIN);
                return null;
            });

            assertThatThrownBy(() -> deleting.get(WAITS_AT_LEAST.toMillis(), TimeUnit.MILLISECONDS))
                    .isInstanceOf(TimeoutException.class);
            release.countDown();
            assertThat(enabling.get()).isEqualTo(AssignOutcome.ASSIGNED);
            assertThatThrownBy(deleting::get).hasCauseInstanceOf(DeleteConflictException.class);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertThat(gatehouse.users.getUser(account.id(), bob.name()).id()).isEqualTo(bob.id());
        assertThat(gatehouse.mfaDevices.listMfaDevices(bob.principal(), Optional.empty(), 10).items()).hasSize(1);
    }

    @Test
    void givingAUserAPasswordKeyOrDeviceWaitsForItsDeletionAndThenFindsNoUser() throws Exception {
        IamUser bob = gatehouse.users.createUser(account.id(), UserName.of("bob"), IamPath.ROOT, Tags.NONE, ORIGIN);
        NewVirtualMfaDevice device = create("bobs-phone");
        NewVirtualMfaDevice another = create("bobs-token");
        long now = step();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            Future<Boolean> deleting = pool.submit(() -> store.inTransaction(session -> {
                IamUser found = session.users().findByNameToDelete(account.id(), bob.name()).orElseThrow();
                held.countDown();
                awaitOrFail(release);
                return session.users().delete(account.id(), found.id());
            }));
            awaitOrFail(held);
            List<Future<?>> giving = List.of(
                    pool.submit(() -> gatehouse.accessKeys.createAccessKey(bob.principal(), ORIGIN)),
                    pool.submit(() -> gatehouse.passwords.createLoginProfile(bob.principal(),
                            Password.of("Correct-Horse-9"), false, ORIGIN)),
                    pool.submit(() -> gatehouse.mfaDevices.enableMfaDevice(account.id(), bob.name(),
                            device.device().serial(), code(device, now - 1), code(device, now), ORIGIN)),
                    pool.submit(() -> gatehouse.mfaDevices.enableMfaDevice(bob.principal(), another.device().serial(),
                            code(another, now - 1), code(another, now), ORIGIN)));

            assertThatThrownBy(() -> giving.get(0).get(WAITS_AT_LEAST.toMillis(), TimeUnit.MILLISECONDS))
                    .isInstanceOf(TimeoutException.class);
            assertThat(giving).noneMatch(Future::isDone);
            release.countDown();
            assertThat(deleting.get()).isTrue();
            for (Future<?> give : giving) {
                assertThatThrownBy(give::get).hasCauseInstanceOf(NoSuchEntityException.class);
            }
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        List<AccessKey> keys = store.read(session -> session.accessKeys().listFor(bob.principal()));
        Optional<LoginProfile> password = store.read(session -> session.loginProfiles().find(bob.principal()));
        assertThat(keys).isEmpty();
        assertThat(password).isEmpty();
        assertThat(gatehouse.mfaDevices.getMfaDevice(account.id(), device.device().serial()).isAssigned()).isFalse();
        assertThat(gatehouse.mfaDevices.getMfaDevice(account.id(), another.device().serial()).isAssigned()).isFalse();
        assertThat(keptCount(bob.principal())).isEmpty();
    }

    @Test
    void aPasswordResetReadBeforeItsProfileWasDeletedGivesNoPasswordBack() throws Exception {
        IamUser bob = gatehouse.users.createUser(account.id(), UserName.of("bob"), IamPath.ROOT, Tags.NONE, ORIGIN);
        gatehouse.passwords.createLoginProfile(bob.principal(), Password.of("Correct-Horse-9"), false, ORIGIN);
        CountDownLatch deleted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // DeleteLoginProfile, then DeleteUser, as one unit of work that commits only when released.
            Future<Boolean> deleting = pool.submit(() -> store.inTransaction(session -> {
                session.loginProfiles().delete(bob.principal());
                deleted.countDown();
                awaitOrFail(release);
                IamUser found = session.users().findByNameToDelete(account.id(), bob.name()).orElseThrow();
                return session.users().delete(account.id(), found.id());
            }));
            awaitOrFail(deleted);
            Future<LoginProfile> resetting = pool.submit(() -> gatehouse.passwords.resetPassword(bob.principal(),
                    Password.of("Other-Horse-10"), false, ORIGIN));

            assertThatThrownBy(() -> resetting.get(WAITS_AT_LEAST.toMillis(), TimeUnit.MILLISECONDS))
                    .isInstanceOf(TimeoutException.class);
            release.countDown();
            assertThat(deleting.get()).isTrue();
            assertThatThrownBy(resetting::get).hasCauseInstanceOf(NoSuchEntityException.class);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        Optional<LoginProfile> password = store.read(session -> session.loginProfiles().find(bob.principal()));
        assertThat(password).isEmpty();
    }

    @Test
    void aSecondPasswordCreatedMeanwhileIsRefusedRatherThanSwappedIn() throws Exception {
        IamUser bob = gatehouse.users.createUser(account.id(), UserName.of("bob"), IamPath.ROOT, Tags.NONE, ORIGIN);
        LoginProfile first = new LoginProfile(bob.principal(), gatehouse.hasher.hash(Password.of("Correct-Horse-9")),
                false, clock.instant(), clock.instant(), null);
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> creatingFirst = pool.submit(() -> store.inTransaction(session -> {
                session.users().findAndHold(account.id(), bob.id());
                session.loginProfiles().insert(first);
                inserted.countDown();
                awaitOrFail(release);
                return null;
            }));
            awaitOrFail(inserted);
            Future<LoginProfile> creatingSecond = pool.submit(() -> gatehouse.passwords.createLoginProfile(
                    bob.principal(), Password.of("Other-Horse-10"), false, ORIGIN));

            assertThatThrownBy(() -> creatingSecond.get(WAITS_AT_LEAST.toMillis(), TimeUnit.MILLISECONDS))
                    .isInstanceOf(TimeoutException.class);
            release.countDown();
            creatingFirst.get();
            assertThatThrownBy(creatingSecond::get).hasCauseInstanceOf(EntityAlreadyExistsException.class);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        Optional<LoginProfile> password = store.read(session -> session.loginProfiles().find(bob.principal()));
        assertThat(password.map(LoginProfile::passwordHash)).contains(first.passwordHash());
    }

    @Test
    void twoTagChangesOfOneUserMadeTogetherBothCount() throws Exception {
        IamUser bob = gatehouse.users.createUser(account.id(), UserName.of("bob"), IamPath.ROOT,
                Tags.of(Map.of("team", "blue")), ORIGIN);
        Tags tags = afterChangedMeanwhile(
                session -> {
                    IamUser found = session.users().findByNameToChange(account.id(), bob.name()).orElseThrow();
                    session.users().updateTags(found.withTags(found.tags().with(Tags.of(Map.of("cost", "7")))));
                },
                () -> gatehouse.users.tagUser(account.id(), bob.name(), Tags.of(Map.of("owner", "ops")))).get();

        assertThat(tags).isEqualTo(Tags.of(Map.of("team", "blue", "cost", "7", "owner", "ops")));
        assertThat(gatehouse.users.getUser(account.id(), bob.name()).tags()).isEqualTo(tags);
    }

    @Test
    void twoTagChangesOfOneDeviceMadeTogetherBothCount() throws Exception {
        NewVirtualMfaDevice device = gatehouse.mfaDevices.createVirtualMfaDevice(account.id(), IamPath.ROOT,
                DeviceName.of("tagged"), Tags.of(Map.of("team", "blue")), ORIGIN);
        SerialNumber serial = device.device().serial();
        Tags tags = afterChangedMeanwhile(
                session -> {
                    MfaDevice found = session.mfaDevices().findBySerialToChange(serial).orElseThrow();
                    session.mfaDevices().updateTags(found.withTags(found.tags().with(Tags.of(Map.of("cost", "7")))));
                },
                () -> gatehouse.mfaDevices.untagMfaDevice(account.id(), serial, List.of("team"))).get();

        assertThat(tags).isEqualTo(Tags.of(Map.of("cost", "7")));
        assertThat(gatehouse.mfaDevices.getMfaDevice(account.id(), serial).tags()).isEqualTo(tags);
    }

    /**
     * Runs {@code first}, a unit of work's change, and holds its commit back while {@code second}, a
     * service's call that needs what {@code first} changes, must wait for it.
     *
     * @return {@code second}'s outcome, once both have ended
     */
    private <T> Future<T> afterChangedMeanwhile(java.util.function.Consumer<StoreSession> first, Callable<T> second)
            throws Exception {
        CountDownLatch changed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> changingFirst = pool.submit(() -> store.inTransaction(session -> {
                first.accept(session);
                changed.countDown();
                awaitOrFail(release);
                return null;
            }));
            awaitOrFail(changed);
            Future<T> changingSecond = pool.submit(second);

            assertThatThrownBy(() -> changingSecond.get(WAITS_AT_LEAST.toMillis(), TimeUnit.MILLISECONDS))
                    .isInstanceOf(TimeoutException.class);
            release.countDown();
            changingFirst.get();
            try {
                changingSecond.get();
            } catch (ExecutionException e) {
                // The caller asserts on the outcome.
            }
            return changingSecond;
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    /** The unit of work of an administrator's reset of {@code principal}'s password to {@code password}. */
    private java.util.function.Consumer<StoreSession> resetBy(PrincipalRef principal, String password) {
        PasswordHash hash = gatehouse.hasher.hash(Password.of(password));
        return session -> {
            LoginProfile current = session.loginProfiles().findToChange(principal).orElseThrow();
            session.loginProfiles().update(new LoginProfile(principal, hash, false, current.createdAt(), clock.instant(),
                    current.lastUsedAt()));
        };
    }

    @Test
    void requiringANewPasswordWhileItIsResetKeepsTheNewPassword() throws Exception {
        IamUser bob = gatehouse.users.createUser(account.id(), UserName.of("bob"), IamPath.ROOT, Tags.NONE, ORIGIN);
        gatehouse.passwords.createLoginProfile(bob.principal(), Password.of("Correct-Horse-9"), false, ORIGIN);

        Future<LoginProfile> requiring = afterChangedMeanwhile(resetBy(bob.principal(), "Other-Horse-10"),
                () -> gatehouse.passwords.setResetRequired(bob.principal(), true, ORIGIN));

        assertThat(requiring.get().resetRequired()).isTrue();
        LoginProfile stored = gatehouse.passwords.findLoginProfile(bob.principal()).orElseThrow();
        assertThat(gatehouse.hasher.verify(Password.of("Other-Horse-10"), stored.passwordHash())).isTrue();
        assertThat(stored.resetRequired()).isTrue();
    }

    @Test
    void aPasswordChangeProvedWithAPasswordResetMeanwhileIsRefused() throws Exception {
        IamUser bob = gatehouse.users.createUser(account.id(), UserName.of("bob"), IamPath.ROOT, Tags.NONE, ORIGIN);
        gatehouse.passwords.createLoginProfile(bob.principal(), Password.of("Correct-Horse-9"), false, ORIGIN);

        Future<LoginProfile> changing = afterChangedMeanwhile(resetBy(bob.principal(), "Other-Horse-10"),
                () -> gatehouse.passwords.changePassword(bob.principal(), Password.of("Correct-Horse-9"),
                        Password.of("Stolen-Horse-11"), ORIGIN));

        assertThatThrownBy(changing::get).hasCauseInstanceOf(AccessDeniedException.class);
        LoginProfile stored = gatehouse.passwords.findLoginProfile(bob.principal()).orElseThrow();
        assertThat(gatehouse.hasher.verify(Password.of("Other-Horse-10"), stored.passwordHash())).isTrue();
    }

    @Test
    void aSignInWithThePasswordResetMeanwhileFails() throws Exception {
        Future<PasswordSignIn> signingIn = afterChangedMeanwhile(resetBy(account.root(), "Other-Horse-10"),
                () -> gatehouse.signIn.signInRoot("root@example.com", Password.of("Correct-Horse-7"), ORIGIN));

        assertThat(signingIn.get().outcome()).isEqualTo(SignInOutcome.FAILED);
    }

    @Test
    void aWrongCodeIsCheckedOnlyOnceAUnitOfWorkUsingItsDeviceHasEnded() throws Exception {
        NewVirtualMfaDevice device = enable(account.root(), "root-phone");
        // A wrong code writes nothing to the device, so only the device's lock can make it wait.
        Set<String> nearby = new HashSet<>();
        for (long step = step() - 5; step <= step() + 5; step++) {
            nearby.add(code(device, step));
        }
        String wrong = java.util.stream.IntStream.range(0, 1_000_000).mapToObj(n -> String.format("%06d", n))
                .filter(candidate -> !nearby.contains(candidate)).findFirst().orElseThrow();

        Future<VerificationOutcome> verifying = afterChangedMeanwhile(
                session -> session.mfaDevices().findBySerialToChange(device.device().serial()),
                () -> gatehouse.verifier.verify(account.root(), device.device().serial(), wrong, ORIGIN));

        assertThat(verifying.get()).isEqualTo(VerificationOutcome.INVALID);
    }

    @Test
    void aPrincipalKeepsAtMostTwoAccessKeysWhenEightCreationsRace() throws Exception {
        IamUser bob = gatehouse.users.createUser(account.id(), UserName.of("bob"), IamPath.ROOT, Tags.NONE, ORIGIN);
        for (PrincipalRef principal : List.of(bob.principal(), account.root())) {
            List<Callable<String>> creations = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                creations.add(() -> {
                    try {
                        gatehouse.accessKeys.createAccessKey(principal, ORIGIN);
                        return "created";
                    } catch (LimitExceededException e) {
                        return "limit";
                    }
                });
            }
            assertThat(race(creations)).filteredOn("created"::equals).hasSize(2);
            assertThat(gatehouse.accessKeys.listAccessKeys(principal)).hasSize(2);
        }
    }

    @Test
    void anAliasSetWhileThePasswordPolicyChangesKeepsBoth() throws Exception {
        PasswordPolicy strict = new PasswordPolicy(14, true, true, true, true, 3, 5, 90);

        Future<Account> aliasing = afterChangedMeanwhile(withAccount(current -> current.withPasswordPolicy(strict)),
                () -> gatehouse.accounts.setAlias(account.id(), AccountAlias.of("renamed"), ORIGIN));

        aliasing.get();
        Account stored = gatehouse.accounts.getAccount(account.id());
        assertThat(stored.aliasIfAny()).contains(AccountAlias.of("renamed"));
        assertThat(stored.passwordPolicy()).isEqualTo(strict);
    }

    @Test
    void aResetWhileASignInRecordsItsUseKeepsTheUse() throws Exception {
        Instant signedInAt = clock.instant().plus(Duration.ofHours(1));

        Future<LoginProfile> resetting = afterChangedMeanwhile(
                session -> {
                    session.loginProfiles().findToChange(account.root()).orElseThrow();
                    session.loginProfiles().recordUse(account.root(), signedInAt);
                },
                () -> gatehouse.passwords.resetPassword(account.root(), Password.of("Other-Horse-10"), false, ORIGIN));

        assertThat(resetting.get().lastUsed()).contains(signedInAt);
        assertThat(gatehouse.passwords.findLoginProfile(account.root()).orElseThrow().lastUsed()).contains(signedInAt);
    }

    @Test
    void aResetEndsTheConsoleSessionThatAnMfaStepOpenedMeanwhile() throws Exception {
        ConsoleSessionService sessions = new ConsoleSessionService(store, gatehouse.audit, ConsoleSessionLimits.DEFAULT,
                clock, new SecureRandom());
        NewVirtualMfaDevice device = enable(account.root(), "root-phone");
        IssuedConsoleSession pending = sessions.start(account.root(), ConsoleSessionState.PENDING_MFA, false,
                Optional.empty());
        List<IssuedConsoleSession> opened = new ArrayList<>();

        Future<LoginProfile> resetting = afterChangedMeanwhile(
                session -> opened.add(sessions.completeMfa(session, pending.session(), device.device().serial(), ORIGIN)
                        .orElseThrow()),
                () -> gatehouse.passwords.resetPassword(account.root(), Password.of("Other-Horse-10"), false, ORIGIN));

        resetting.get();
        assertThat(sessions.resume(opened.get(0).id())).as("ended by the reset").isEmpty();
    }

    @Test
    void aResetUnderWayWhenAChangedPasswordRenewsItsSessionLeavesNoSession() throws Exception {
        ConsoleSessionService sessions = new ConsoleSessionService(store, gatehouse.audit, ConsoleSessionLimits.DEFAULT,
                clock, new SecureRandom());
        IssuedConsoleSession signedIn = sessions.start(account.root(), ConsoleSessionState.AUTHENTICATED, false,
                Optional.empty());
        LoginProfile changed = gatehouse.passwords.changePassword(account.root(), Password.of("Correct-Horse-7"),
                Password.of("Changed-Horse-8"), ORIGIN);

        Future<Optional<IssuedConsoleSession>> renewing = afterChangedMeanwhile(
                session -> {
                    resetBy(account.root(), "Other-Horse-10").accept(session);
                    session.consoleSessions().deleteAllFor(account.root());
                },
                () -> sessions.passwordChanged(signedIn.session(), changed));

        assertThat(renewing.get()).as("the reset, waited for, is seen").isEmpty();
        assertThat(sessions.endAll(account.root())).as("no session of the root user is left").isZero();
    }

    @Test
    void aCodeUsedMeanwhileCannotResynchroniseTheDevice() throws Exception {
        NewVirtualMfaDevice device = enable(account.root(), "root-phone");
        clock.advance(Duration.ofMinutes(1));
        long used = step();

        Future<MfaDevice> resynchronising = afterChangedMeanwhile(
                session -> assertThat(gatehouse.verifier.verify(session, account.root(), device.device().serial(),
                        code(device, used), ORIGIN)).isEqualTo(VerificationOutcome.ACCEPTED),
                () -> gatehouse.mfaDevices.resyncMfaDevice(account.root(), device.device().serial(), code(device, used),
                        code(device, used + 1), ORIGIN));

        assertThatThrownBy(resynchronising::get).hasCauseInstanceOf(InvalidAuthenticationCodeException.class);
    }

    @Test
    void thePasswordPolicyOrAliasChangedWhileTheOtherChangesKeepsBoth() throws Exception {
        PasswordPolicy strict = new PasswordPolicy(14, true, true, true, true, 3, 5, 90);
        gatehouse.accounts.setAlias(account.id(), AccountAlias.of("first"), ORIGIN);

        afterChangedMeanwhile(withAccount(current -> current.withAlias(AccountAlias.of("second"))),
                () -> gatehouse.accounts.updatePasswordPolicy(account.id(), strict, ORIGIN)).get();
        assertThat(gatehouse.accounts.getAccount(account.id()).aliasIfAny()).contains(AccountAlias.of("second"));

        afterChangedMeanwhile(withAccount(current -> current.withPasswordPolicy(PasswordPolicy.DEFAULT)),
                () -> gatehouse.accounts.deleteAlias(account.id(), AccountAlias.of("second"), ORIGIN)).get();
        assertThat(gatehouse.accounts.getAccount(account.id()).passwordPolicy()).isEqualTo(PasswordPolicy.DEFAULT);

        gatehouse.accounts.updatePasswordPolicy(account.id(), strict, ORIGIN);
        afterChangedMeanwhile(withAccount(current -> current.withAlias(AccountAlias.of("third"))),
                () -> gatehouse.accounts.deletePasswordPolicy(account.id(), ORIGIN)).get();
        assertThat(gatehouse.accounts.getAccount(account.id()).aliasIfAny()).contains(AccountAlias.of("third"));
    }

    /** A unit of work that changes the account as {@code change} says, as AccountService's changes do. */
    private java.util.function.Consumer<StoreSession> withAccount(java.util.function.UnaryOperator<Account> change) {
        return session -> session.accounts().update(change.apply(session.accounts().findToChange(account.id())
                .orElseThrow()));
    }

    @Test
    void aWrongPasswordIsCountedOnlyOnceAUnitOfWorkUsingThePasswordHasEnded() throws Exception {
        java.util.function.Consumer<StoreSession> signingIn =
                session -> session.loginProfiles().findToChange(account.root()).orElseThrow();

        Future<Boolean> reauthenticating = afterChangedMeanwhile(signingIn,
                () -> gatehouse.signIn.reauthenticate(account.root(), Password.of("Wrong-Horse-1"), ORIGIN));
        Future<LoginProfile> changing = afterChangedMeanwhile(signingIn,
                () -> gatehouse.passwords.changePassword(account.root(), Password.of("Wrong-Horse-1"),
                        Password.of("Other-Horse-10"), ORIGIN));

        assertThat(reauthenticating.get()).isFalse();
        assertThatThrownBy(changing::get).hasCauseInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aRenameWhileThePathChangesKeepsBoth() throws Exception {
        IamUser bob = gatehouse.users.createUser(account.id(), UserName.of("bob"), IamPath.ROOT, Tags.NONE, ORIGIN);
        IamPath ops = new IamPath("/ops/");

        Future<IamUser> renaming = afterChangedMeanwhile(
                session -> session.users().updateNameAndPath(session.users().findByNameToChange(account.id(), bob.name())
                        .orElseThrow().withNameAndPath(bob.name(), ops)),
                () -> gatehouse.users.updateUser(account.id(), bob.name(), Optional.of(UserName.of("robert")),
                        Optional.empty(), ORIGIN));

        assertThat(renaming.get().path()).isEqualTo(ops);
        IamUser stored = gatehouse.users.getUser(account.id(), UserName.of("robert"));
        assertThat(stored.path()).isEqualTo(ops);
        assertThat(stored.id()).isEqualTo(bob.id());
    }

    /** Runs {@code calls} at once, on threads released together, and returns their results in order. */
    private static <T> List<T> race(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitOrFail(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The count of enabled devices the store keeps for {@code principal}'s limit; nought without a row. */
    private int placesTaken(PrincipalRef principal) {
        return keptCount(principal).orElse(0);
    }

    /** {@code principal}'s row of kept counts, if it has one. */
    private Optional<Integer> keptCount(PrincipalRef principal) {
        return store.read(session -> ((JdbcSession) session).handle().createQuery(
                "SELECT assigned FROM principal_devices WHERE account_id = :account AND principal_key = :key")
                .bind("account", principal.accountId().value()).bind("key", principal.key())
                .mapTo(Integer.class).findOne());
    }

    @Test
    void keepsTheEightDeviceQuotaWhenSixteenEnablesRace() throws Exception {
        List<NewVirtualMfaDevice> devices = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            devices.add(create("racer-" + i));
        }
        long now = step();
        try (JdbcStore secondStore = openStoreOnSameDatabase()) {
            Services secondNode = new Services(secondStore, clock, cipher);
            List<Callable<String>> enables = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                NewVirtualMfaDevice device = devices.get(i);
                Services node = i % 2 == 0 ? gatehouse : secondNode;
                enables.add(() -> {
                    try {
                        node.mfaDevices.enableMfaDevice(account.root(), device.device().serial(), code(device, now - 1),
                                code(device, now), ORIGIN);
                        return "enabled";
                    } catch (LimitExceededException e) {
                        return "limit";
                    }
                });
            }
            List<String> results = race(enables);
            assertThat(results).filteredOn("enabled"::equals).hasSize(8);
            assertThat(results).filteredOn("limit"::equals).hasSize(8);
        }
        assertThat(gatehouse.mfaDevices.listMfaDevices(account.root(), Optional.empty(), 100).items()).hasSize(8);
        assertThat(placesTaken(account.root())).isEqualTo(8);
    }

    @Test
    void listsVirtualDevicesByStatusInPagesWithoutSeeds() {
        enable(account.root(), "b-enabled");
        NewVirtualMfaDevice spare = create("a-spare");
        create("c-spare");
        Page<MfaDevice> unassigned = gatehouse.mfaDevices.listVirtualMfaDevices(account.id(), AssignmentStatus.UNASSIGNED,
                Optional.empty(), 100);
        assertThat(unassigned.items()).extracting(MfaDevice::name).containsExactly("a-spare", "c-spare");
        assertThat(unassigned.items().get(0).seed().ciphertext()).doesNotContain(spare.base32Seed());
        Page<MfaDevice> first = gatehouse.mfaDevices.listVirtualMfaDevices(account.id(), AssignmentStatus.ANY,
                Optional.empty(), 2);
        Page<MfaDevice> second = gatehouse.mfaDevices.listVirtualMfaDevices(account.id(), AssignmentStatus.ANY,
                first.nextMarker(), 2);
        assertThat(first.items()).extracting(MfaDevice::name).containsExactly("a-spare", "b-enabled");
        assertThat(second.items()).extracting(MfaDevice::name).containsExactly("c-spare");
        assertThat(second.isTruncated()).isFalse();
    }

    @Test
    void keepsHardwareTokensAndTheirParameters() {
        OtpSecret seed = OtpSecret.generate();
        TotpParameters parameters = new TotpParameters(HmacAlgorithm.SHA256, 8, Duration.ofSeconds(60));
        SerialNumber serial = SerialNumber.of("GAHT12345678");
        gatehouse.mfaDevices.registerHardwareToken(account.id(), serial, seed, parameters, ORIGIN);
        MfaDevice stored = gatehouse.mfaDevices.getMfaDevice(account.id(), serial);
        assertThat(stored.kind()).isEqualTo(MfaDeviceKind.HARDWARE_TOTP);
        assertThat(stored.totp()).isEqualTo(parameters);
        TotpGenerator generator = new TotpGenerator(parameters);
        long now = parameters.stepAt(clock.instant());
        gatehouse.mfaDevices.enableMfaDevice(account.root(), serial, generator.generateOneTimePasswordAtStep(seed, now - 1),
                generator.generateOneTimePasswordAtStep(seed, now), ORIGIN);
        clock.advance(Duration.ofSeconds(60));
        assertThat(gatehouse.verifier.verify(account.root(), serial,
                generator.generateOneTimePassword(seed, clock.instant()), ORIGIN)).isEqualTo(VerificationOutcome.ACCEPTED);
    }

    @Test
    void acceptsACodeOnceAndAuditsTheReplay() {
        NewVirtualMfaDevice device = enable(account.root(), "root-phone");
        clock.advance(Duration.ofSeconds(30));
        String code = code(device, step());
        assertThat(verify(device, code)).isEqualTo(VerificationOutcome.ACCEPTED);
        assertThat(verify(device, code)).isEqualTo(VerificationOutcome.REPLAYED);
        List<AuditEvent> events = store.read(session -> session.audit().recent(account.id(), 100));
        assertThat(events).filteredOn(event -> event.action() == AuditAction.MFA_VERIFICATION)
                .extracting(AuditEvent::outcome).containsExactlyInAnyOrder(AuditOutcome.ACCEPTED, AuditOutcome.REPLAYED);
        assertThat(events).filteredOn(event -> event.action() == AuditAction.MFA_VERIFICATION)
                .allSatisfy(event -> assertThat(event.origin()).isEqualTo(ORIGIN));
    }

    @Test
    void throttlesThroughTheStoreAndUnlocksAfterFifteenMinutes() {
        NewVirtualMfaDevice device = enable(account.root(), "root-phone");
        for (int failure = 1; failure <= 10; failure++) {
            assertThat(verify(device, "000000")).isEqualTo(VerificationOutcome.INVALID);
            clock.advance(Duration.ofMinutes(5));
        }
        clock.advance(Duration.ofMinutes(-5));
        assertThat(verify(device, code(device, step()))).isEqualTo(VerificationOutcome.THROTTLED);
        // A second node sees the same lock.
        Services secondNode = new Services(store, clock, cipher);
        assertThat(secondNode.verifier.verify(account.root(), device.device().serial(), code(device, step()), ORIGIN))
                .isEqualTo(VerificationOutcome.THROTTLED);
        clock.advance(Duration.ofMinutes(15));
        assertThat(verify(device, code(device, step()))).isEqualTo(VerificationOutcome.ACCEPTED);
        assertThat(verify(device, "000000")).isEqualTo(VerificationOutcome.INVALID);
        assertThat(verify(device, "000000")).isEqualTo(VerificationOutcome.INVALID);
        clock.advance(Duration.ofSeconds(30));
        assertThat(verify(device, code(device, step()))).isEqualTo(VerificationOutcome.ACCEPTED);
    }

    @Test
    void acceptsTheSameCodeExactlyOnceWhenSixteenThreadsRace() throws Exception {
        enable(account.root(), "root-phone");
        clock.advance(Duration.ofSeconds(30));
        assertExactlyOneAccepted(race(16, thread -> gatehouse.verifier));
    }

    @Test
    void acceptsTheSameCodeExactlyOnceWhenTwoNodesWithTheirOwnPoolsRace() throws Exception {
        enable(account.root(), "root-phone");
        clock.advance(Duration.ofSeconds(30));
        try (JdbcStore secondStore = openStoreOnSameDatabase()) {
            Services secondNode = new Services(secondStore, clock, cipher);
            assertExactlyOneAccepted(race(16, thread -> thread % 2 == 0 ? gatehouse.verifier : secondNode.verifier));
        }
    }

    /** The losers see the step used (REPLAYED) or, once three have failed, the device throttled. */
    private static void assertExactlyOneAccepted(List<VerificationOutcome> outcomes) {
        assertThat(outcomes).hasSize(16);
        assertThat(outcomes).filteredOn(VerificationOutcome::accepted).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> !outcome.accepted())
                .allMatch(outcome -> outcome == VerificationOutcome.REPLAYED || outcome == VerificationOutcome.THROTTLED);
    }

    @Test
    void reencryptsEverySecretWhenTheMasterKeyRotates() {
        NewVirtualMfaDevice device = enable(account.root(), "root-phone");
        NewAccessKey key = gatehouse.accessKeys.createAccessKey(account.root(), ORIGIN);
        IssuedSessionCredentials session = gatehouse.sessionTokens.issue(account.root(), key.key().id().value(),
                Optional.empty(), Optional.empty(), Optional.empty(), ORIGIN);
        KeyRing rotated = cipher.keys().rotatedTo(MasterKey.generate(new SecureRandom()));
        KeyRotationService.Rotation rotation = new KeyRotationService(store, gatehouse.audit).reencryptAll(rotated, ORIGIN);
        assertThat(rotation.mfaSeeds()).isEqualTo(1);
        assertThat(rotation.accessKeySecrets()).isEqualTo(1);
        assertThat(rotation.sessionSecrets()).isEqualTo(1);
        SecretCipher onlyNewKey = new SecretCipher(KeyRing.of(rotated.current()));
        Services afterRotation = new Services(store, clock, onlyNewKey);
        assertThat(afterRotation.accessKeys.signingKey(key.key().id()).orElseThrow().secret()).isEqualTo(key.secret());
        assertThat(afterRotation.sessionTokens.find(session.accessKeyId().value()).orElseThrow().secret())
                .isEqualTo(session.secretAccessKey());
        clock.advance(Duration.ofSeconds(30));
        assertThat(afterRotation.verifier.verify(account.root(), device.device().serial(), code(device, step()), ORIGIN))
                .isEqualTo(VerificationOutcome.ACCEPTED);
    }

    @Test
    void keepsTemporaryCredentialsWithTheirMfaContextIntact() {
        NewAccessKey key = gatehouse.accessKeys.createAccessKey(account.root(), ORIGIN);
        SessionCredentials withMfa = sessionCredentials("ASIAAAAAAAAAAAAAAAA2", key, START.plusSeconds(900),
                MfaContext.verified(SerialNumber.of("arn:aws:iam::123456789012:mfa/root-account-mfa-device"),
                        START.minusMillis(1)));
        SessionCredentials withoutMfa = sessionCredentials("ASIAAAAAAAAAAAAAAAA3", key, START.plusSeconds(3600),
                MfaContext.NONE);
        store.inTransaction(session -> {
            session.sessionCredentials().insert(withMfa);
            session.sessionCredentials().insert(withoutMfa);
            return null;
        });
        assertThat(storedSession(withMfa.id())).contains(withMfa);
        assertThat(storedSession(withoutMfa.id())).contains(withoutMfa);
        assertThat(storedSession(SessionAccessKeyId.of("ASIAAAAAAAAAAAAAAAA4")))
                .isEmpty();
        assertThat(storedSessions()).containsExactly(withMfa, withoutMfa);
    }

    @Test
    void refusesATakenTemporaryAccessKeyIdAndWritesNothing() {
        NewAccessKey key = gatehouse.accessKeys.createAccessKey(account.root(), ORIGIN);
        SessionCredentials first = sessionCredentials("ASIAAAAAAAAAAAAAAAA2", key, START.plusSeconds(900),
                MfaContext.NONE);
        store.inTransaction(session -> {
            session.sessionCredentials().insert(first);
            return null;
        });
        SessionCredentials sameId = sessionCredentials("ASIAAAAAAAAAAAAAAAA2", key, START.plusSeconds(3600),
                MfaContext.NONE);
        assertThatThrownBy(() -> store.inTransaction(session -> {
            session.sessionCredentials().insert(sameId);
            return null;
        })).isInstanceOf(EntityAlreadyExistsException.class);
        assertThat(storedSessions()).containsExactly(first);
    }

    @Test
    void deletesOnlyTemporaryCredentialsThatExpiredBeforeTheCutoff() {
        NewAccessKey key = gatehouse.accessKeys.createAccessKey(account.root(), ORIGIN);
        SessionCredentials early = sessionCredentials("ASIAAAAAAAAAAAAAAAA2", key, START.plusSeconds(900),
                MfaContext.NONE);
        SessionCredentials atCutoff = sessionCredentials("ASIAAAAAAAAAAAAAAAA3", key, START.plusSeconds(1800),
                MfaContext.NONE);
        store.inTransaction(session -> {
            session.sessionCredentials().insert(early);
            session.sessionCredentials().insert(atCutoff);
            return null;
        });
        int deleted = store.inTransaction(session -> session.sessionCredentials()
                .deleteExpiredBefore(START.plusSeconds(1800)));
        assertThat(deleted).isEqualTo(1);
        assertThat(storedSessions()).containsExactly(atCutoff);
    }

    @Test
    void issuesTemporaryCredentialsThatFindTheirSecretAndToken() {
        NewVirtualMfaDevice device = enable(account.root(), "root-phone");
        NewAccessKey key = gatehouse.accessKeys.createAccessKey(account.root(), ORIGIN);
        clock.advance(Duration.ofSeconds(30));
        IssuedSessionCredentials issued = gatehouse.sessionTokens.issue(account.root(), key.key().id().value(),
                Optional.of(7200), Optional.of(device.device().serial()), Optional.of(code(device, step())), ORIGIN);
        assertThat(issued.expiration()).isEqualTo(clock.instant().plusSeconds(3600));
        ActiveSession found = gatehouse.sessionTokens.find(issued.accessKeyId().value()).orElseThrow();
        assertThat(found.secret()).isEqualTo(issued.secretAccessKey());
        assertThat(found.tokenMatches(issued.sessionToken().reveal())).isTrue();
        assertThat(found.mfa()).isEqualTo(MfaContext.verified(device.device().serial(), clock.instant()));
        assertThat(found.principal()).isEqualTo(account.root());
        assertThat(found.expiresAt()).isEqualTo(issued.expiration());
    }

    @Test
    void issuesTemporaryCredentialsOnceWhenSixteenThreadsRaceWithTheSameCode() throws Exception {
        NewVirtualMfaDevice device = enable(account.root(), "root-phone");
        NewAccessKey key = gatehouse.accessKeys.createAccessKey(account.root(), ORIGIN);
        clock.advance(Duration.ofSeconds(30));
        String code = code(device, step());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<IssuedSessionCredentials>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Callable<IssuedSessionCredentials> attempt = () -> {
                    start.await();
                    return gatehouse.sessionTokens.issue(account.root(), key.key().id().value(), Optional.empty(),
                            Optional.of(device.device().serial()), Optional.of(code), ORIGIN);
                };
                futures.add(pool.submit(attempt));
            }
            start.countDown();
            int issued = 0;
            for (Future<IssuedSessionCredentials> future : futures) {
                try {
                    future.get();
                    issued++;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(AccessDeniedException.class)
                            .hasMessage(SessionTokenService.MFA_FAILED);
                }
            }
            assertThat(issued).isEqualTo(1);
            assertThat(storedSessions()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keepsConsoleSessionsForEveryNodeRotatesThemAndEndsThemByTimeout() {
        ConsoleSessionService sessions = new ConsoleSessionService(store, gatehouse.audit, ConsoleSessionLimits.DEFAULT,
                clock, new SecureRandom());
        NewVirtualMfaDevice device = enable(account.root(), "root-phone");
        IssuedConsoleSession pending = sessions.start(account.root(), ConsoleSessionState.PENDING_MFA, true, Optional.empty());

        ConsoleSession seen;
        try (JdbcStore secondNode = openStoreOnSameDatabase()) {
            ConsoleSessionService elsewhere = new ConsoleSessionService(secondNode, gatehouse.audit,
                    ConsoleSessionLimits.DEFAULT, clock, new SecureRandom());
            seen = elsewhere.resume(pending.id()).orElseThrow();
        }
        assertThat(seen).isEqualTo(pending.session());
        assertThat(seen.digest()).isEqualTo(pending.id().digest()).doesNotContain(pending.id().reveal());
        assertThat(seen.authenticatedAtIfAny()).isEmpty();
        assertThat(seen.csrfTokenMatches(seen.csrfToken())).isTrue();

        clock.advance(Duration.ofMinutes(2));
        IssuedConsoleSession signedIn = sessions.completeMfa(seen, device.device().serial(), ORIGIN).orElseThrow();
        assertThat(signedIn.id()).isNotEqualTo(pending.id());
        assertThat(sessions.resume(pending.id())).as("the pending ID is spent").isEmpty();
        assertThat(sessions.completeMfa(seen, device.device().serial(), ORIGIN)).as("and cannot complete twice").isEmpty();
        ConsoleSession authenticated = sessions.resume(signedIn.id()).orElseThrow();
        assertThat(authenticated.state()).isEqualTo(ConsoleSessionState.AUTHENTICATED);
        assertThat(authenticated.mfaSerialIfAny()).contains(device.device().serial());
        assertThat(authenticated.authenticatedAtIfAny()).contains(START.plus(Duration.ofMinutes(2)));
        assertThat(authenticated.createdAt()).as("the absolute timeout counts from the password").isEqualTo(START);
        assertThat(authenticated.passwordChangeRequired()).isTrue();
        assertThat(authenticated.csrfToken()).isNotEqualTo(seen.csrfToken());

        clock.advance(Duration.ofMinutes(5));
        LoginProfile changed = gatehouse.passwords.changePassword(account.root(), Password.of("Correct-Horse-7"),
                Password.of("Changed-Horse-8"), ORIGIN);
        IssuedConsoleSession renewed = sessions.passwordChanged(sessions.reauthenticated(authenticated), changed)
                .orElseThrow();
        assertThat(sessions.resume(signedIn.id())).as("the ID before the password change is spent").isEmpty();
        ConsoleSession reread = sessions.resume(renewed.id()).orElseThrow();
        assertThat(reread.passwordChangeRequired()).isFalse();
        assertThat(reread.reauthenticatedAtIfAny()).contains(START.plus(Duration.ofMinutes(7)));
        assertThat(reread.lastSeenAt()).as("touched").isEqualTo(START.plus(Duration.ofMinutes(7)));

        IssuedConsoleSession other = sessions.start(account.root(), ConsoleSessionState.AUTHENTICATED, false, Optional.empty());
        clock.advance(Duration.ofMinutes(15));
        assertThat(sessions.resume(renewed.id())).as("idle for 15 minutes").isEmpty();
        sessions.start(account.root(), ConsoleSessionState.AUTHENTICATED, false, Optional.of(other.id()));
        assertThat(sessions.endAll(account.root())).as("the idle one deleted, the replaced one too").isEqualTo(1);

        IssuedConsoleSession last = sessions.start(account.root(), ConsoleSessionState.AUTHENTICATED, false, Optional.empty());
        sessions.end(last.session(), ORIGIN);
        assertThat(sessions.resume(last.id())).isEmpty();
        assertThat(store.read(session -> session.audit().recent(account.id(), 100)).stream()
                .map(AuditEvent::action)).contains(AuditAction.SIGN_IN_MFA, AuditAction.SIGN_OUT);
    }

    private List<SessionCredentials> storedSessions() {
        return store.read(session -> session.sessionCredentials().listAll());
    }

    private Optional<SessionCredentials> storedSession(SessionAccessKeyId id) {
        return store.read(session -> session.sessionCredentials().find(id));
    }

    private SessionCredentials sessionCredentials(String id, NewAccessKey source, Instant expiresAt, MfaContext mfa) {
        SessionAccessKeyId sessionId = SessionAccessKeyId.of(id);
        return new SessionCredentials(sessionId, source.key().principal(), source.key().id(), START, expiresAt,
                cipher.seal("a".repeat(40).getBytes(StandardCharsets.US_ASCII), sessionId.rowIdentity()),
                SessionTokenDigest.of("token-of-" + id), mfa);
    }

    @Test
    void turnsAStorageFailureIntoServiceFailureWithoutSql() {
        store.close();
        assertThatThrownBy(() -> gatehouse.accounts.getAccount(account.id()))
                .isInstanceOf(ServiceFailureException.class)
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContainIgnoringCase("select")
                        .contains("reference"));
        store = null;
    }

    /** Runs {@code threads} verifications of the current code at once, each through the verifier given. */
    protected List<VerificationOutcome> race(int threads, java.util.function.IntFunction<MfaVerifier> verifierFor)
            throws Exception {
        MfaDevice device = gatehouse.mfaDevices.listMfaDevices(account.root(), Optional.empty(), 1).items().get(0);
        String code = TOTP.generateOneTimePasswordAtStep(seedOf(device), step());
        List<Callable<VerificationOutcome>> attempts = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            MfaVerifier verifier = verifierFor.apply(i);
            attempts.add(() -> verifier.verify(account.root(), device.serial(), code, ORIGIN));
        }
        return race(attempts);
    }

    protected Account account() {
        return account;
    }

    protected NewVirtualMfaDevice enable(PrincipalRef principal, String name) {
        NewVirtualMfaDevice created = create(name);
        long now = step();
        gatehouse.mfaDevices.enableMfaDevice(principal, created.device().serial(), code(created, now - 1),
                code(created, now), ORIGIN);
        seeds.put(created.device().serial(), created.seed());
        return created;
    }

    private final Map<SerialNumber, OtpSecret> seeds = new java.util.HashMap<>();

    private OtpSecret seedOf(MfaDevice device) {
        return seeds.get(device.serial());
    }

    private NewVirtualMfaDevice create(String name) {
        return gatehouse.mfaDevices.createVirtualMfaDevice(account.id(), IamPath.ROOT, DeviceName.of(name), Tags.NONE,
                ORIGIN);
    }

    private VerificationOutcome verify(NewVirtualMfaDevice device, String code) {
        return gatehouse.verifier.verify(account.root(), device.device().serial(), code, ORIGIN);
    }

    protected long step() {
        return TotpParameters.AWS_DEFAULT.stepAt(clock.instant());
    }

    private static String code(NewVirtualMfaDevice device, long step) {
        return TOTP.generateOneTimePasswordAtStep(device.seed(), step);
    }
}
