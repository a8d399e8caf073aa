package dev.gatehouse.core.user;

import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.audit.AuditAction;
import dev.gatehouse.core.audit.AuditOutcome;
import dev.gatehouse.core.audit.AuditTrail;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.crypto.SecretCipher;
import dev.gatehouse.core.error.LimitExceededException;
import dev.gatehouse.core.error.NoSuchEntityException;
import dev.gatehouse.core.internal.RandomIds;
import dev.gatehouse.core.internal.Lookups;
import dev.gatehouse.core.store.Store;
import dev.gatehouse.core.store.StoreSession;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Long-term access keys: at most two per principal, the secret shown once and kept sealed. */
public final class AccessKeyService {

    private final Store store;
    private final SecretCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;
    private final RandomIds ids;

    public AccessKeyService(Store store, SecretCipher cipher, AuditTrail audit, Clock clock, RandomIds ids) {
        this.store = Objects.requireNonNull(store, "store");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /**
     * CreateAccessKey.
     *
     * @throws LimitExceededException if the principal has two keys
     * @throws NoSuchEntityException if the principal does not exist
     */
    public NewAccessKey createAccessKey(PrincipalRef principal, Origin origin) {
        return store.inTransaction(session -> {
            String arn = Lookups.lockPrincipalArn(session, principal);
            NewAccessKey created = create(session, principal);
            audit.record(session, principal.accountId(), arn, AuditAction.ACCESS_KEY_CREATED,
                    AuditOutcome.SUCCESS, origin, false, created.key().id().value());
            return created;
        });
    }

    /** Creates a key inside the caller's unit of work. */
    NewAccessKey create(StoreSession session, PrincipalRef principal) {
        if (session.accessKeys().listFor(principal).size() >= AccessKey.MAXIMUM_PER_PRINCIPAL) {
            throw new LimitExceededException("Cannot exceed quota for AccessKeysPerUser: "
                    + AccessKey.MAXIMUM_PER_PRINCIPAL);
        }
        AccessKeyId id = new AccessKeyId(ids.accessKeyId());
        AccessKeySecret secret = new AccessKeySecret(ids.secretAccessKey());
        AccessKey key = new AccessKey(id, principal, AccessKeyStatus.ACTIVE, clock.instant(),
                cipher.seal(secret.reveal().getBytes(StandardCharsets.US_ASCII), id.rowIdentity()), null, null, null);
        session.accessKeys().insert(key);
        return new NewAccessKey(key, secret);
    }

    public List<AccessKey> listAccessKeys(PrincipalRef principal) {
        return store.read(session -> {
            Lookups.requirePrincipal(session, principal);
            return session.accessKeys().listFor(principal);
        });
    }

    /** UpdateAccessKey. @throws NoSuchEntityException if the principal has no such key */
    public void updateAccessKey(PrincipalRef principal, AccessKeyId id, AccessKeyStatus status, Origin origin) {
        store.inTransaction(session -> {
            requireOwned(session, principal, id);
            session.accessKeys().updateStatus(id, status);
            audit.record(session, principal.accountId(), Lookups.arn(session, principal),
                    AuditAction.ACCESS_KEY_STATUS_CHANGED, AuditOutcome.SUCCESS, origin, false, id + " " + status.awsName());
            return null;
        });
    }

    /** DeleteAccessKey. @throws NoSuchEntityException if the principal has no such key */
    public void deleteAccessKey(PrincipalRef principal, AccessKeyId id, Origin origin) {
        store.inTransaction(session -> {
            requireOwned(session, principal, id);
            session.accessKeys().delete(id);
            audit.record(session, principal.accountId(), Lookups.arn(session, principal), AuditAction.ACCESS_KEY_DELETED,
                    AuditOutcome.SUCCESS, origin, false, id.value());
            return null;
        });
    }

    /**
     * The key and its secret, for checking a SigV4 signature; empty if the key does not exist or is
     * inactive, so the caller answers both the same way.
     */
    public Optional<SigningKey> signingKey(AccessKeyId id) {
        return store.read(session -> session.accessKeys().find(id)
                .filter(key -> key.status() == AccessKeyStatus.ACTIVE)
                .map(key -> new SigningKey(key, new AccessKeySecret(
                        new String(cipher.open(key.sealedSecret(), id.rowIdentity()), StandardCharsets.US_ASCII)))));
    }

    /** Records a signed request's use of the key, for the credential report. */
    public void recordUse(AccessKeyId id, String region, String service) {
        Instant now = clock.instant();
        store.inTransaction(session -> {
            session.accessKeys().recordUse(id, now, region, service);
            return null;
        });
    }

    /**
     * Records many uses in one unit of work, as a batching recorder hands them over; a key deleted
     * meanwhile is skipped, since its use no longer matters to anyone.
     */
    public void recordUses(Collection<AccessKeyUse> uses) {
        if (uses.isEmpty()) {
            return;
        }
        store.inTransaction(session -> {
            for (AccessKeyUse use : uses) {
                session.accessKeys().recordUse(use.id(), use.at(), use.region(), use.service());
            }
            return null;
        });
    }

    /** GetAccessKeyLastUsed: the key of any principal of the account; another account's key is not found. */
    public Optional<AccessKey> findAccessKey(AccountId accountId, AccessKeyId id) {
        return store.read(session -> session.accessKeys().find(id).filter(key -> key.principal().accountId().equals(accountId)));
    }

    private static AccessKey requireOwned(StoreSession session, PrincipalRef principal, AccessKeyId id) {
        return session.accessKeys().find(id).filter(key -> key.principal().equals(principal))
                .orElseThrow(() -> new NoSuchEntityException("The Access Key with id " + id + " cannot be found."));
    }

    /** An active key with its secret opened, to verify a signature with. Redacted by its parts. */
    public record SigningKey(AccessKey key, AccessKeySecret secret) {
    }
}
