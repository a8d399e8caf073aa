package dev.gatehouse.core.account;

import dev.gatehouse.core.audit.AuditAction;
import dev.gatehouse.core.audit.AuditOutcome;
import dev.gatehouse.core.audit.AuditTrail;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.crypto.Password;
import dev.gatehouse.core.error.EntityAlreadyExistsException;
import dev.gatehouse.core.error.NoSuchEntityException;
import dev.gatehouse.core.error.ServiceFailureException;
import dev.gatehouse.core.internal.Lookups;
import dev.gatehouse.core.internal.RandomIds;
import dev.gatehouse.core.mfa.AssignmentStatus;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.mfa.MfaDeviceKind;
import dev.gatehouse.core.mfa.SerialNumber;
import dev.gatehouse.core.store.Store;
import dev.gatehouse.core.store.StoreSession;
import dev.gatehouse.core.user.PasswordService;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Accounts: creation with a root user and password, aliases, the password policy. */
public final class AccountService {

    // A 12-digit space holds 9·10^11 IDs: a collision is already unlikely; retrying a few times makes it moot.
    private static final int ID_ATTEMPTS = 8;
    private static final int DEVICE_PAGE = 1000;

    private final Store store;
    private final PasswordService passwords;
    private final AuditTrail audit;
    private final Clock clock;
    private final RandomIds ids;

    public AccountService(Store store, PasswordService passwords, AuditTrail audit, Clock clock, RandomIds ids) {
        this.store = Objects.requireNonNull(store, "store");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /**
     * Creates an account with a random ID, its root user and the root password, all or nothing.
     * What {@code gatehouse account create} calls.
     *
     * @throws EntityAlreadyExistsException if the e-mail address (ignoring case) or alias is taken
     * @throws dev.gatehouse.core.error.PasswordPolicyViolationException if the password is too weak
     *     for the default policy
     */
    public Account createAccount(EmailAddress rootEmail, Optional<AccountAlias> alias, Password rootPassword,
            Origin origin) {
        Objects.requireNonNull(rootEmail, "rootEmail");
        Objects.requireNonNull(rootPassword, "rootPassword");
        return store.inTransaction(session -> {
            if (session.accounts().findByRootEmail(rootEmail).isPresent()) {
                throw new EntityAlreadyExistsException("An account with the e-mail address " + rootEmail
                        + " already exists.");
            }
            if (alias.isPresent() && session.accounts().findByAlias(alias.get()).isPresent()) {
                throw new EntityAlreadyExistsException("The account alias " + alias.get() + " already exists.");
            }
            Account account = new Account(freshId(session), alias.orElse(null), rootEmail, PasswordPolicy.DEFAULT,
                    clock.instant());
            session.accounts().insert(account);
            passwords.establish(session, account, account.root(), rootPassword, false);
            audit.record(session, account.id(), account.id().rootArn(), AuditAction.ACCOUNT_CREATED,
                    AuditOutcome.SUCCESS, origin, false, rootEmail.value());
            return account;
        });
    }

    /** {@link #createAccount(EmailAddress, Optional, Password, Origin)} from the command line's text. */
    public Account createAccount(String rootEmail, String alias, String rootPassword) {
        return createAccount(EmailAddress.of(rootEmail), Optional.ofNullable(alias).map(AccountAlias::of),
                Password.of(rootPassword), Origin.LOCAL);
    }

    /** @throws NoSuchEntityException if there is no such account */
    public Account getAccount(AccountId id) {
        return store.read(session -> require(session, id));
    }

    /**
     * The account named at sign-in by its ID or alias.
     *
     * @throws NoSuchEntityException if neither names an account
     */
    public Account resolve(String accountIdOrAlias) {
        Objects.requireNonNull(accountIdOrAlias, "accountIdOrAlias");
        return store.read(session -> (AccountId.isAccountId(accountIdOrAlias)
                ? session.accounts().find(AccountId.of(accountIdOrAlias))
                : session.accounts().findByAlias(AccountAlias.of(accountIdOrAlias)))
                .orElseThrow(() -> new NoSuchEntityException("No account is named " + accountIdOrAlias + ".")));
    }

    public Optional<Account> findByRootEmail(EmailAddress email) {
        return store.read(session -> session.accounts().findByRootEmail(email));
    }

    public List<Account> listAccounts() {
        return store.read(session -> session.accounts().list());
    }

    /**
     * CreateAccountAlias: an account has at most one alias; a new one replaces the old.
     *
     * @throws EntityAlreadyExistsException if another account has it
     */
    public Account setAlias(AccountId id, AccountAlias alias, Origin origin) {
        return store.inTransaction(session -> {
            Account account = Lookups.requireAccountToChange(session, id);
            Optional<Account> holder = session.accounts().findByAlias(alias);
            if (holder.isPresent() && !holder.get().id().equals(id)) {
                throw new EntityAlreadyExistsException("The account alias " + alias + " already exists.");
            }
            Account changed = account.withAlias(alias);
            session.accounts().update(changed);
            audit.record(session, id, id.rootArn(), AuditAction.ACCOUNT_ALIAS_CHANGED, AuditOutcome.SUCCESS, origin,
                    false, alias.value());
            return changed;
        });
    }

    /** DeleteAccountAlias. @throws NoSuchEntityException if the account has not that alias */
    public Account deleteAlias(AccountId id, AccountAlias alias, Origin origin) {
        return store.inTransaction(session -> {
            Account account = Lookups.requireAccountToChange(session, id);
            if (!alias.equals(account.alias())) {
                throw new NoSuchEntityException("The account alias " + alias + " cannot be found.");
            }
            Account changed = account.withAlias(null);
            session.accounts().update(changed);
            audit.record(session, id, id.rootArn(), AuditAction.ACCOUNT_ALIAS_CHANGED, AuditOutcome.SUCCESS, origin,
                    false, "removed " + alias);
            return changed;
        });
    }

    /** UpdateAccountPasswordPolicy; applies to passwords set from now on. */
    public Account updatePasswordPolicy(AccountId id, PasswordPolicy policy, Origin origin) {
        return store.inTransaction(session -> {
            Account changed = Lookups.requireAccountToChange(session, id).withPasswordPolicy(policy);
            session.accounts().update(changed);
            audit.record(session, id, id.rootArn(), AuditAction.PASSWORD_POLICY_CHANGED, AuditOutcome.SUCCESS, origin,
                    false, policy.toString());
            return changed;
        });
    }

    /**
     * DeleteAccountPasswordPolicy: the account returns to AWS's default rules.
     *
     * @throws NoSuchEntityException if the account has no policy of its own
     */
    public Account deletePasswordPolicy(AccountId id, Origin origin) {
        return store.inTransaction(session -> {
            Account account = Lookups.requireAccountToChange(session, id);
            if (!account.hasCustomPasswordPolicy()) {
                throw new NoSuchEntityException("The Password Policy with domain name " + id + " cannot be found.");
            }
            Account changed = account.withPasswordPolicy(PasswordPolicy.DEFAULT);
            session.accounts().update(changed);
            audit.record(session, id, id.rootArn(), AuditAction.PASSWORD_POLICY_CHANGED, AuditOutcome.SUCCESS, origin,
                    false, "deleted");
            return changed;
        });
    }

    /** GetAccountSummary: the root user's MFA, keys and password, and the account's counts. */
    public AccountSummary getAccountSummary(AccountId id) {
        return store.read(session -> {
            PrincipalRef root = require(session, id).root();
            return new AccountSummary(session.mfaDevices().countAssignedTo(root) > 0,
                    !session.accessKeys().listFor(root).isEmpty(), session.loginProfiles().find(root).isPresent(),
                    session.mfaDevices().countInAccount(id, AssignmentStatus.ANY),
                    session.mfaDevices().countInAccount(id, AssignmentStatus.ASSIGNED), session.users().count(id));
        });
    }

    /**
     * How many IAM users have MFA and how many have not: the dashboard's count. Reads the
     * account's assigned devices page by page, so it costs one query per 1000 devices, not one per user.
     */
    public UserMfaCounts countUsersByMfa(AccountId id) {
        return store.read(session -> {
            require(session, id);
            Set<PrincipalRef> covered = new HashSet<>();
            for (MfaDeviceKind kind : MfaDeviceKind.values()) {
                Optional<SerialNumber> after = Optional.empty();
                List<MfaDevice> page;
                do {
                    page = session.mfaDevices().listInAccount(id, kind, AssignmentStatus.ASSIGNED, after, DEVICE_PAGE);
                    page.stream().map(device -> device.assignment().principal())
                            .filter(PrincipalRef.User.class::isInstance).forEach(covered::add);
                    after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1).serial());
                } while (page.size() == DEVICE_PAGE);
            }
            return new UserMfaCounts(covered.size(), session.users().count(id) - covered.size());
        });
    }

    private AccountId freshId(StoreSession session) {
        for (int attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
            AccountId candidate = AccountId.of(ids.accountId());
            if (session.accounts().find(candidate).isEmpty()) {
                return candidate;
            }
        }
        throw new ServiceFailureException("Could not find a free account ID.");
    }

    private static Account require(StoreSession session, AccountId id) {
        return Lookups.requireAccount(session, id);
    }
}
