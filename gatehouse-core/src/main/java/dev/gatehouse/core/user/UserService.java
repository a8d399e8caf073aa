package dev.gatehouse.core.user;

import dev.gatehouse.core.Page;
import dev.gatehouse.core.Tags;
import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.account.AccountQuota;
import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.audit.AuditAction;
import dev.gatehouse.core.audit.AuditOutcome;
import dev.gatehouse.core.audit.AuditTrail;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.error.DeleteConflictException;
import dev.gatehouse.core.error.EntityAlreadyExistsException;
import dev.gatehouse.core.error.LimitExceededException;
import dev.gatehouse.core.error.NoSuchEntityException;
import dev.gatehouse.core.internal.Markers;
import dev.gatehouse.core.internal.RandomIds;
import dev.gatehouse.core.internal.Lookups;
import dev.gatehouse.core.store.Store;
import dev.gatehouse.core.store.StoreSession;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** IAM users: create, read, list, delete, and the bootstrap administrator. */
public final class UserService {

    private final Store store;
    private final AccessKeyService accessKeys;
    private final AuditTrail audit;
    private final Clock clock;
    private final RandomIds ids;

    public UserService(Store store, AccessKeyService accessKeys, AuditTrail audit, Clock clock, RandomIds ids) {
        this.store = Objects.requireNonNull(store, "store");
        this.accessKeys = Objects.requireNonNull(accessKeys, "accessKeys");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /**
     * CreateUser.
     *
     * @throws EntityAlreadyExistsException if the account has a user of that name, ignoring case
     * @throws LimitExceededException if the account has its quota of users, 5,000 as on AWS
     * @throws NoSuchEntityException if the account does not exist
     */
    public IamUser createUser(AccountId accountId, UserName name, IamPath path, Tags tags, Origin origin) {
        return store.inTransaction(session -> create(session, accountId, name, path, tags, false, origin));
    }

    /**
     * Creates an IAM user with full administrator rights and its first access key, in one unit of
     * work: on any failure nothing is written. What {@code gatehouse admin create} calls.
     */
    public AdministratorCredentials createAdministrator(AccountId accountId, UserName name, Origin origin) {
        return store.inTransaction(session -> {
            IamUser user = create(session, accountId, name, IamPath.ROOT, Tags.NONE, true, origin);
            NewAccessKey key = accessKeys.create(session, user.principal());
            audit.record(session, accountId, user.arn(), AuditAction.ACCESS_KEY_CREATED, AuditOutcome.SUCCESS, origin,
                    false, key.key().id().value());
            return new AdministratorCredentials(user, key);
        });
    }

    private IamUser create(StoreSession session, AccountId accountId, UserName name, IamPath path, Tags tags,
            boolean administrator, Origin origin) {
        // The reservation proves the account (NoSuchEntity if it does not exist) in the statement it costs anyway.
        if (!session.quotas().reserve(accountId, AccountQuota.USERS, AccountQuota.USERS.limit())) {
            throw AccountQuota.USERS.exceeded(AccountQuota.USERS.limit());
        }
        // A taken name is refused by the insert (EntityAlreadyExistsException, the repository's
        // contract), in the same statement that a look-up first would have cost in addition.
        IamUser user = new IamUser(accountId, new UserId(ids.userId()), name, path, clock.instant(), administrator, tags);
        session.users().insert(user);
        audit.record(session, accountId, user.arn(), AuditAction.USER_CREATED, AuditOutcome.SUCCESS, origin, false,
                administrator ? "administrator" : "");
        return user;
    }

    /** GetUser. @throws NoSuchEntityException if there is no such user */
    public IamUser getUser(AccountId accountId, UserName name) {
        return store.read(session -> require(session, accountId, name));
    }

    public Optional<IamUser> findUser(AccountId accountId, UserId id) {
        return store.read(session -> session.users().find(accountId, id));
    }

    /** ListUsers, ordered by name ignoring case. */
    public Page<IamUser> listUsers(AccountId accountId, Optional<String> marker, int maxItems) {
        int limit = Markers.checkMaxItems(maxItems);
        Optional<String> after = Markers.decode(marker);
        return store.read(session -> {
            Lookups.requireAccount(session, accountId);
            List<IamUser> users = session.users().list(accountId, after, limit + 1);
            return Markers.page(users, limit, user -> user.name().normalized());
        });
    }

    /**
     * A page of the account's users as {@link #listUsers} pages them, each with a summary of its
     * credentials (MFA, console password, access keys): what the console's Users list shows.
     */
    public Page<UserCredentialSummary> listUsersWithCredentials(AccountId accountId, Optional<String> marker,
            int maxItems) {
        int limit = Markers.checkMaxItems(maxItems);
        Optional<String> after = Markers.decode(marker);
        return store.read(session -> {
            Lookups.requireAccount(session, accountId);
            List<UserCredentialSummary> users = session.users().listWithCredentials(accountId, after, limit + 1);
            return Markers.page(users, limit, summary -> summary.user().name().normalized());
        });
    }

    /**
     * DeleteUser.
     *
     * @throws DeleteConflictException while the user has a password, access keys or MFA devices
     */
    public void deleteUser(AccountId accountId, UserName name, Origin origin) {
        store.inTransaction(session -> {
            // Held first, so that no password, key or device given meanwhile escapes the checks below.
            IamUser user = session.users().findByNameToDelete(accountId, name)
                    .orElseThrow(() -> noSuchUser(session, accountId, name));
            PrincipalRef principal = user.principal();
            if (session.loginProfiles().find(principal).isPresent()) {
                throw new DeleteConflictException("Cannot delete entity, must delete login profile first.");
            }
            if (!session.accessKeys().listFor(principal).isEmpty()) {
                throw new DeleteConflictException("Cannot delete entity, must delete access keys first.");
            }
            if (session.mfaDevices().countAssignedTo(principal) > 0) {
                throw new DeleteConflictException("Cannot delete entity, must remove MFA devices first.");
            }
            session.users().delete(accountId, user.id());
            // A session waiting for its code, which has no password to delete, ends with the user too.
            session.consoleSessions().deleteAllFor(principal);
            audit.record(session, accountId, user.arn(), AuditAction.USER_DELETED, AuditOutcome.SUCCESS, origin, false, "");
            return null;
        });
    }

    /**
     * UpdateUser: a new name, a new path, or both; the user keeps its ID, credentials and devices.
     *
     * @throws EntityAlreadyExistsException if another user of the account has the new name, ignoring case
     * @throws NoSuchEntityException if there is no user {@code name}
     */
    public IamUser updateUser(AccountId accountId, UserName name, Optional<UserName> newName, Optional<IamPath> newPath,
            Origin origin) {
        return store.inTransaction(session -> {
            IamUser user = requireToChange(session, accountId, name);
            IamUser changed = user.withNameAndPath(newName.orElse(user.name()), newPath.orElse(user.path()));
            Optional<IamUser> holder = session.users().findByName(accountId, changed.name());
            if (holder.isPresent() && !holder.get().id().equals(user.id())) {
                throw new EntityAlreadyExistsException("User with name " + changed.name() + " already exists.");
            }
            session.users().updateNameAndPath(changed);
            audit.record(session, accountId, changed.arn(), AuditAction.USER_UPDATED, AuditOutcome.SUCCESS, origin, false,
                    "was " + user.arn());
            return changed;
        });
    }

    /** UntagUser: keys the user does not have are ignored, as AWS does. */
    public Tags untagUser(AccountId accountId, UserName name, List<String> keys) {
        return store.inTransaction(session -> {
            IamUser user = requireToChange(session, accountId, name);
            IamUser untagged = user.withTags(user.tags().without(keys));
            session.users().updateTags(untagged);
            return untagged.tags();
        });
    }

    public Tags tagUser(AccountId accountId, UserName name, Tags added) {
        return store.inTransaction(session -> {
            IamUser user = requireToChange(session, accountId, name);
            IamUser tagged = user.withTags(user.tags().with(added));
            session.users().updateTags(tagged);
            return tagged.tags();
        });
    }

    /** A user found proves its account, which is looked up only to name what is missing. */
    private static IamUser require(StoreSession session, AccountId accountId, UserName name) {
        return session.users().findByName(accountId, name).orElseThrow(() -> noSuchUser(session, accountId, name));
    }

    /** As {@link #require}, for a change made from what it returns: see UserRepository#findByNameToChange. */
    private static IamUser requireToChange(StoreSession session, AccountId accountId, UserName name) {
        return session.users().findByNameToChange(accountId, name).orElseThrow(() -> noSuchUser(session, accountId, name));
    }

    /** NoSuchEntity naming the account if that is what is missing, else the user. */
    private static NoSuchEntityException noSuchUser(StoreSession session, AccountId accountId, UserName name) {
        Lookups.requireAccount(session, accountId);
        return new NoSuchEntityException("The user with name " + name + " cannot be found.");
    }
}
