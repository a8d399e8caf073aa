package dev.gatehouse.core.testing;

import dev.gatehouse.core.Tags;
import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.account.AccountAlias;
import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.account.CredentialReport;
import dev.gatehouse.core.account.EmailAddress;
import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.audit.AuditAction;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditPosition;
import dev.gatehouse.core.console.ConsoleSession;
import dev.gatehouse.core.crypto.PasswordHash;
import dev.gatehouse.core.crypto.SealedSecret;
import dev.gatehouse.core.error.EntityAlreadyExistsException;
import dev.gatehouse.core.error.NoSuchEntityException;
import dev.gatehouse.core.mfa.Assignment;
import dev.gatehouse.core.mfa.AssignmentStatus;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.mfa.MfaDeviceKind;
import dev.gatehouse.core.mfa.SerialNumber;
import dev.gatehouse.core.store.AccessKeyRepository;
import dev.gatehouse.core.store.AccountRepository;
import dev.gatehouse.core.store.AuditRepository;
import dev.gatehouse.core.store.ConsoleSessionRepository;
import dev.gatehouse.core.store.CredentialReportRepository;
import dev.gatehouse.core.store.LoginProfileRepository;
import dev.gatehouse.core.store.MfaDeviceRepository;
import dev.gatehouse.core.store.QuotaRepository;
import dev.gatehouse.core.store.SessionCredentialRepository;
import dev.gatehouse.core.store.Store;
import dev.gatehouse.core.store.StoreSession;
import dev.gatehouse.core.store.ThrottleRepository;
import dev.gatehouse.core.store.UserRepository;
import dev.gatehouse.core.sts.SessionAccessKeyId;
import dev.gatehouse.core.sts.SessionCredentials;
import dev.gatehouse.core.throttle.ThrottleState;
import dev.gatehouse.core.user.AccessKey;
import dev.gatehouse.core.user.AccessKeyId;
import dev.gatehouse.core.user.AccessKeyStatus;
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.core.user.LoginProfile;
import dev.gatehouse.core.user.UserCredentialSummary;
import dev.gatehouse.core.user.UserId;
import dev.gatehouse.core.user.UserName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A hand-written fake of the store for the domain's unit tests. One lock serialises units of work;
 * a failed unit of work restores the state copied at its start, as a rollback would.
 */
public final class InMemoryStore implements Store {

    private State state = new State();
    private final Object lock = new Object();

    @Override
    public <T> T inTransaction(Function<StoreSession, T> work) {
        synchronized (lock) {
            State before = state.copy();
            try {
                return work.apply(new Session(state));
            } catch (RuntimeException | Error e) {
                state = before;
                throw e;
            }
        }
    }

    /** Everything in the audit log, oldest first. */
    public List<AuditEvent> auditEvents() {
        synchronized (lock) {
            return List.copyOf(state.audit);
        }
    }

    private static final class State {
        final Map<AccountId, Account> accounts = new LinkedHashMap<>();
        final Map<PrincipalRef, LoginProfile> profiles = new LinkedHashMap<>();
        final Map<PrincipalRef, List<PasswordHash>> history = new LinkedHashMap<>();
        final Map<UserId, IamUser> users = new LinkedHashMap<>();
        final Map<AccessKeyId, AccessKey> keys = new LinkedHashMap<>();
        final Map<String, MfaDevice> devices = new LinkedHashMap<>();
        final Map<String, PrincipalRef> creators = new LinkedHashMap<>();
        final Map<String, ThrottleState> throttles = new LinkedHashMap<>();
        final List<AuditEvent> audit = new ArrayList<>();
        final Map<SessionAccessKeyId, SessionCredentials> sessions = new LinkedHashMap<>();
        final Map<AccountId, CredentialReport> reports = new LinkedHashMap<>();
        final Map<String, ConsoleSession> consoleSessions = new LinkedHashMap<>();

        State copy() {
            State copy = new State();
            copy.accounts.putAll(accounts);
            copy.profiles.putAll(profiles);
            history.forEach((principal, hashes) -> copy.history.put(principal, new ArrayList<>(hashes)));
            copy.users.putAll(users);
            copy.keys.putAll(keys);
            copy.devices.putAll(devices);
            copy.creators.putAll(creators);
            copy.throttles.putAll(throttles);
            copy.audit.addAll(audit);
            copy.sessions.putAll(sessions);
            copy.reports.putAll(reports);
            copy.consoleSessions.putAll(consoleSessions);
            return copy;
        }
    }

    private record Session(State state) implements StoreSession {

        @Override
        public AccountRepository accounts() {
            return new AccountRepository() {
                @Override
                public void insert(Account account) {
                    if (state.accounts.containsKey(account.id()) || findByRootEmail(account.rootEmail()).isPresent()
                            || (account.alias() != null && findByAlias(account.alias()).isPresent())) {
                        throw new EntityAlreadyExistsException("account exists");
                    }
                    state.accounts.put(account.id(), account);
                }

                @Override
                public Optional<Account> find(AccountId id) {
                    return Optional.ofNullable(state.accounts.get(id));
                }

                // Units of work here run one at a time, so a look-up needs no lock.
                @Override
                public Optional<Account> findToChange(AccountId id) {
                    return find(id);
                }

                @Override
                public Optional<Account> findByAlias(AccountAlias alias) {
                    return state.accounts.values().stream().filter(a -> alias.equals(a.alias())).findFirst();
                }

                @Override
                public Optional<Account> findByRootEmail(EmailAddress email) {
                    return state.accounts.values().stream()
                            .filter(a -> a.rootEmail().normalized().equals(email.normalized())).findFirst();
                }

                @Override
                public void update(Account account) {
                    state.accounts.put(account.id(), account);
                }

                @Override
                public List<Account> list() {
                    return state.accounts.values().stream().sorted(Comparator.comparing(Account::id)).toList();
                }
            };
        }

        @Override
        public LoginProfileRepository loginProfiles() {
            return new LoginProfileRepository() {
                @Override
                public void insert(LoginProfile profile) {
                    if (state.profiles.putIfAbsent(profile.principal(), profile) != null) {
                        throw new EntityAlreadyExistsException("Login Profile for the principal already exists.");
                    }
                }

                @Override
                public boolean update(LoginProfile profile) {
                    return state.profiles.replace(profile.principal(), profile) != null;
                }

                @Override
                public Optional<LoginProfile> find(PrincipalRef principal) {
                    return Optional.ofNullable(state.profiles.get(principal));
                }

                // Units of work here run one at a time, so a look-up needs no lock.
                @Override
                public Optional<LoginProfile> findToChange(PrincipalRef principal) {
                    return find(principal);
                }

                @Override
                public void recordUse(PrincipalRef principal, Instant at) {
                    LoginProfile p = state.profiles.get(principal);
                    if (p != null) {
                        state.profiles.put(principal, new LoginProfile(principal, p.passwordHash(), p.resetRequired(),
                                p.createdAt(), p.changedAt(), at));
                    }
                }

                @Override
                public boolean delete(PrincipalRef principal) {
                    return state.profiles.remove(principal) != null;
                }

                @Override
                public void appendHistory(PrincipalRef principal, PasswordHash hash, Instant at) {
                    state.history.computeIfAbsent(principal, p -> new ArrayList<>()).add(0, hash);
                }

                @Override
                public List<PasswordHash> history(PrincipalRef principal, int limit) {
                    return state.history.getOrDefault(principal, List.of()).stream().limit(limit).toList();
                }
            };
        }

        @Override
        public UserRepository users() {
            return new UserRepository() {
                @Override
                public void insert(IamUser user) {
                    if (findByName(user.accountId(), user.name()).isPresent()) {
                        throw new EntityAlreadyExistsException("User with name " + user.name() + " already exists.");
                    }
                    state.users.put(user.id(), user);
                }

                @Override
                public Optional<IamUser> findByName(AccountId accountId, UserName name) {
                    return state.users.values().stream().filter(u -> u.accountId().equals(accountId)
                            && u.name().normalized().equals(name.normalized())).findFirst();
                }

                @Override
                public Optional<IamUser> find(AccountId accountId, UserId id) {
                    return Optional.ofNullable(state.users.get(id)).filter(u -> u.accountId().equals(accountId));
                }

                // Units of work here run one at a time, so a look-up needs no hold.
                @Override
                public Optional<IamUser> findAndHold(AccountId accountId, UserId id) {
                    return find(accountId, id);
                }

                @Override
                public Optional<IamUser> findByNameAndHold(AccountId accountId, UserName name) {
                    return findByName(accountId, name);
                }

                @Override
                public Optional<IamUser> findByNameToChange(AccountId accountId, UserName name) {
                    return findByName(accountId, name);
                }

                @Override
                public Optional<IamUser> findToChange(AccountId accountId, UserId id) {
                    return find(accountId, id);
                }

                @Override
                public Optional<IamUser> findByNameToDelete(AccountId accountId, UserName name) {
                    return findByName(accountId, name);
                }

                @Override
                public List<IamUser> list(AccountId accountId, Optional<String> after, int limit) {
                    return state.users.values().stream().filter(u -> u.accountId().equals(accountId))
                            .filter(u -> after.isEmpty() || u.name().normalized().compareTo(after.get()) > 0)
                            .sorted(Comparator.comparing(u -> u.name().normalized())).limit(limit).toList();
                }

                @Override
                public List<UserCredentialSummary> listWithCredentials(AccountId accountId, Optional<String> after,
                        int limit) {
                    return list(accountId, after, limit).stream().map(user -> {
                        PrincipalRef principal = user.principal();
                        Optional<LoginProfile> password = loginProfiles().find(principal);
                        List<AccessKey> keys = accessKeys().listFor(principal);
                        return new UserCredentialSummary(user.withTags(Tags.NONE), mfaDevices().countAssignedTo(principal) > 0,
                                password.isPresent(), password.flatMap(LoginProfile::lastUsed), keys.size(),
                                keys.stream().map(AccessKey::lastUsed).flatMap(Optional::stream).max(Comparator.naturalOrder()));
                    }).toList();
                }

                @Override
                public int count(AccountId accountId) {
                    return (int) state.users.values().stream().filter(u -> u.accountId().equals(accountId)).count();
                }

                @Override
                public void updateTags(IamUser user) {
                    state.users.put(user.id(), user);
                }

                @Override
                public void updateNameAndPath(IamUser user) {
                    boolean taken = state.users.values().stream().anyMatch(other -> !other.id().equals(user.id())
                            && other.accountId().equals(user.accountId())
                            && other.name().normalized().equals(user.name().normalized()));
                    if (taken) {
                        throw new dev.gatehouse.core.error.EntityAlreadyExistsException("taken");
                    }
                    state.users.put(user.id(), user);
                }

                @Override
                public boolean delete(AccountId accountId, UserId id) {
                    return state.users.remove(id) != null;
                }
            };
        }

        @Override
        public AccessKeyRepository accessKeys() {
            return new AccessKeyRepository() {
                @Override
                public void insert(AccessKey key) {
                    state.keys.put(key.id(), key);
                }

                @Override
                public Optional<AccessKey> find(AccessKeyId id) {
                    return Optional.ofNullable(state.keys.get(id));
                }

                @Override
                public List<AccessKey> listFor(PrincipalRef principal) {
                    return state.keys.values().stream().filter(k -> k.principal().equals(principal)).toList();
                }

                @Override
                public boolean updateStatus(AccessKeyId id, AccessKeyStatus status) {
                    AccessKey k = state.keys.get(id);
                    if (k == null) {
                        return false;
                    }
                    state.keys.put(id, new AccessKey(id, k.principal(), status, k.createdAt(), k.sealedSecret(),
                            k.lastUsedAt(), k.lastUsedRegion(), k.lastUsedService()));
                    return true;
                }

                @Override
                public void recordUse(AccessKeyId id, Instant at, String region, String service) {
                    AccessKey k = state.keys.get(id);
                    if (k != null && (k.lastUsedAt() == null || k.lastUsedAt().isBefore(at))) {
                        state.keys.put(id, new AccessKey(id, k.principal(), k.status(), k.createdAt(), k.sealedSecret(),
                                at, region, service));
                    }
                }

                @Override
                public boolean delete(AccessKeyId id) {
                    return state.keys.remove(id) != null;
                }

                @Override
                public List<AccessKey> listAll() {
                    return List.copyOf(state.keys.values());
                }

                @Override
                public void updateSecret(AccessKeyId id, SealedSecret sealed) {
                    state.keys.computeIfPresent(id, (i, k) -> k.withSealedSecret(sealed));
                }
            };
        }

        @Override
        public QuotaRepository quotas() {
            // Units of work are serialised, and the insert that follows is what is counted.
            return (accountId, quota, limit) -> {
                if (!state.accounts.containsKey(accountId)) {
                    throw new NoSuchEntityException("The account " + accountId + " cannot be found.");
                }
                return switch (quota) {
                    case USERS -> state.users.values().stream().filter(u -> u.accountId().equals(accountId)).count() < limit;
                    case VIRTUAL_MFA_DEVICES -> state.devices.values().stream()
                            .filter(d -> d.accountId().equals(accountId) && d.kind() == MfaDeviceKind.VIRTUAL_TOTP)
                            .count() < limit;
                };
            };
        }

        @Override
        public MfaDeviceRepository mfaDevices() {
            return new MfaDeviceRepository() {
                @Override
                public void insert(MfaDevice device, Optional<PrincipalRef> creator) {
                    if (device.isAssigned()) {
                        throw new IllegalArgumentException("a device is stored unassigned");
                    }
                    boolean taken = state.devices.values().stream().anyMatch(d -> d.serial().equals(device.serial())
                            || (d.accountId().equals(device.accountId()) && d.kind() == device.kind()
                                    && d.name().equalsIgnoreCase(device.name())));
                    if (taken) {
                        throw new EntityAlreadyExistsException("MFA device exists");
                    }
                    state.devices.put(device.id(), device);
                    creator.ifPresent(principal -> state.creators.put(device.id(), principal));
                }

                @Override
                public Optional<MfaDevice> findBySerial(SerialNumber serial) {
                    return state.devices.values().stream().filter(d -> d.serial().equals(serial)).findFirst();
                }

                // Units of work here run one at a time, so a look-up needs no lock.
                @Override
                public Optional<MfaDevice> findBySerialToChange(SerialNumber serial) {
                    return findBySerial(serial);
                }

                @Override
                public Optional<PrincipalRef> findCreator(SerialNumber serial) {
                    return findBySerial(serial).map(device -> state.creators.get(device.id()));
                }

                @Override
                public List<MfaDevice> listAssignedTo(PrincipalRef principal, Optional<SerialNumber> after, int limit) {
                    return state.devices.values().stream()
                            .filter(d -> d.isAssigned() && d.assignment().principal().equals(principal))
                            .filter(d -> after.isEmpty() || d.serial().compareTo(after.get()) > 0)
                            .sorted(Comparator.comparing(MfaDevice::serial)).limit(limit).toList();
                }

                @Override
                public int countAssignedTo(PrincipalRef principal) {
                    return listAssignedTo(principal, Optional.empty(), Integer.MAX_VALUE).size();
                }

                @Override
                public List<MfaDevice> listInAccount(AccountId accountId, MfaDeviceKind kind, AssignmentStatus status,
                        Optional<SerialNumber> after, int limit) {
                    return state.devices.values().stream()
                            .filter(d -> d.accountId().equals(accountId) && d.kind() == kind && status.admits(d))
                            .filter(d -> after.isEmpty() || d.serial().compareTo(after.get()) > 0)
                            .sorted(Comparator.comparing(MfaDevice::serial)).limit(limit).toList();
                }

                @Override
                public int countInAccount(AccountId accountId, AssignmentStatus status) {
                    return (int) state.devices.values().stream()
                            .filter(d -> d.accountId().equals(accountId) && status.admits(d)).count();
                }

                @Override
                public AssignOutcome assign(String id, Assignment assignment, long drift, long lastStep, int limit) {
                    // Units of work are serialised already: counting the devices is the count the store keeps.
                    if (countAssignedTo(assignment.principal()) >= limit) {
                        return AssignOutcome.PRINCIPAL_AT_LIMIT;
                    }
                    MfaDevice d = state.devices.get(id);
                    if (d == null || d.isAssigned()) {
                        return AssignOutcome.ALREADY_ASSIGNED;
                    }
                    state.devices.put(id, d.assigned(assignment, drift, Math.max(lastStep, d.lastAcceptedStep())));
                    return AssignOutcome.ASSIGNED;
                }

                @Override
                public boolean resynchronise(String id, long drift, long lastStep) {
                    MfaDevice d = state.devices.get(id);
                    if (d == null || d.lastAcceptedStep() >= lastStep) {
                        return false;
                    }
                    state.devices.put(id, new MfaDevice(id, d.accountId(), d.serial(), d.kind(), d.name(), d.path(),
                            d.totp(), d.seed(), d.createdAt(), d.assignment(), drift, lastStep, d.tags()));
                    return true;
                }

                @Override
                public boolean advanceLastAcceptedStep(String id, long step) {
                    MfaDevice d = state.devices.get(id);
                    if (d == null || d.lastAcceptedStep() >= step) {
                        return false;
                    }
                    state.devices.put(id, new MfaDevice(id, d.accountId(), d.serial(), d.kind(), d.name(), d.path(),
                            d.totp(), d.seed(), d.createdAt(), d.assignment(), d.driftSteps(), step, d.tags()));
                    return true;
                }

                @Override
                public boolean unassign(MfaDevice device) {
                    MfaDevice d = state.devices.get(device.id());
                    if (d == null || !d.isAssigned() || !device.isAssigned()
                            || !d.assignment().principal().equals(device.assignment().principal())) {
                        return false;
                    }
                    state.devices.put(d.id(), d.assigned(null, 0, d.lastAcceptedStep()));
                    return true;
                }

                @Override
                public void updateTags(MfaDevice device) {
                    state.devices.computeIfPresent(device.id(), (i, d) -> d.withTags(device.tags()));
                }

                @Override
                public boolean delete(MfaDevice device) {
                    MfaDevice d = state.devices.get(device.id());
                    if (d == null || d.isAssigned()) {
                        return false;
                    }
                    state.creators.remove(device.id());
                    state.devices.remove(device.id());
                    return true;
                }

                @Override
                public List<MfaDevice> listAll() {
                    return List.copyOf(state.devices.values());
                }

                @Override
                public void updateSeed(String id, SealedSecret sealed) {
                    state.devices.computeIfPresent(id, (i, d) -> d.withSeed(sealed));
                }
            };
        }

        @Override
        public ThrottleRepository throttles() {
            return new ThrottleRepository() {
                @Override
                public List<ThrottleState> find(Collection<String> keys) {
                    return keys.stream().distinct().map(state.throttles::get).filter(Objects::nonNull).toList();
                }

                @Override
                public int recordFailure(String key, Instant at) {
                    ThrottleState old = state.throttles.getOrDefault(key, new ThrottleState(key, 0, Instant.EPOCH));
                    ThrottleState next = new ThrottleState(key, old.consecutiveFailures() + 1, old.blockedUntil());
                    state.throttles.put(key, next);
                    return next.consecutiveFailures();
                }

                @Override
                public void blockUntil(String key, Instant until) {
                    ThrottleState old = state.throttles.getOrDefault(key, new ThrottleState(key, 0, Instant.EPOCH));
                    if (until.isAfter(old.blockedUntil())) {
                        state.throttles.put(key, new ThrottleState(key, old.consecutiveFailures(), until));
                    }
                }

                @Override
                public void reset(String key) {
                    state.throttles.remove(key);
                }
            };
        }

        @Override
        public AuditRepository audit() {
            return new AuditRepository() {
                @Override
                public void append(AuditEvent event) {
                    state.audit.add(event);
                }

                @Override
                public List<AuditEvent> recent(AccountId accountId, int limit) {
                    List<AuditEvent> events = new ArrayList<>(state.audit.stream()
                            .filter(e -> accountId.equals(e.accountId())).toList());
                    java.util.Collections.reverse(events);
                    return events.stream().limit(limit).toList();
                }

                @Override
                public List<AuditEvent> list(AccountId accountId, Set<AuditAction> actions,
                        Optional<AuditPosition> after, int limit) {
                    Comparator<AuditEvent> newestFirst = Comparator.comparing(AuditEvent::at)
                            .thenComparing(AuditEvent::id).reversed();
                    return state.audit.stream()
                            .filter(e -> accountId.equals(e.accountId()) && actions.contains(e.action()))
                            .filter(e -> after.map(position -> e.at().isBefore(position.at())
                                    || e.at().equals(position.at()) && e.id().compareTo(position.id()) < 0).orElse(true))
                            .sorted(newestFirst).limit(limit).toList();
                }
            };
        }

        @Override
        public SessionCredentialRepository sessionCredentials() {
            return new SessionCredentialRepository() {
                @Override
                public void insert(SessionCredentials credentials) {
                    if (state.sessions.putIfAbsent(credentials.id(), credentials) != null) {
                        throw new EntityAlreadyExistsException("The access key ID is taken.");
                    }
                }

                @Override
                public Optional<SessionCredentials> find(SessionAccessKeyId id) {
                    return Optional.ofNullable(state.sessions.get(id));
                }

                @Override
                public int deleteExpiredBefore(Instant cutoff) {
                    int before = state.sessions.size();
                    state.sessions.values().removeIf(credentials -> credentials.expiresAt().isBefore(cutoff));
                    return before - state.sessions.size();
                }

                @Override
                public List<SessionCredentials> listAll() {
                    return List.copyOf(state.sessions.values());
                }

                @Override
                public void updateSecret(SessionAccessKeyId id, SealedSecret sealed) {
                    state.sessions.computeIfPresent(id, (i, credentials) -> credentials.withSealedSecret(sealed));
                }
            };
        }

        @Override
        public CredentialReportRepository credentialReports() {
            return new CredentialReportRepository() {
                @Override
                public void save(AccountId accountId, CredentialReport report) {
                    state.reports.put(accountId, report);
                }

                @Override
                public Optional<CredentialReport> find(AccountId accountId) {
                    return Optional.ofNullable(state.reports.get(accountId));
                }
            };
        }

        @Override
        public ConsoleSessionRepository consoleSessions() {
            return new ConsoleSessionRepository() {
                @Override
                public void insert(ConsoleSession session) {
                    if (state.consoleSessions.putIfAbsent(session.digest(), session) != null) {
                        throw new EntityAlreadyExistsException("The session ID is taken.");
                    }
                }

                @Override
                public Optional<ConsoleSession> find(String digest) {
                    return Optional.ofNullable(state.consoleSessions.get(digest));
                }

                @Override
                public void update(ConsoleSession session) {
                    state.consoleSessions.computeIfPresent(session.digest(), (digest, old) -> session);
                }

                @Override
                public boolean delete(String digest) {
                    return state.consoleSessions.remove(digest) != null;
                }

                @Override
                public int deleteAllFor(PrincipalRef principal) {
                    int before = state.consoleSessions.size();
                    state.consoleSessions.values().removeIf(session -> session.principal().equals(principal));
                    return before - state.consoleSessions.size();
                }

                @Override
                public int deleteExpired(Instant idleCutoff, Instant absoluteCutoff) {
                    int before = state.consoleSessions.size();
                    state.consoleSessions.values().removeIf(session -> session.lastSeenAt().isBefore(idleCutoff)
                            || session.createdAt().isBefore(absoluteCutoff));
                    return before - state.consoleSessions.size();
                }
            };
        }
    }
}
