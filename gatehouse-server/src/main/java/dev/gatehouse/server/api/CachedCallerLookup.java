package dev.gatehouse.server.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.audit.AuditAction;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditObserver;
import dev.gatehouse.core.authz.Caller;
import dev.gatehouse.server.sigv4.CredentialLookup;
import dev.gatehouse.server.sigv4.SigningCredential;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Remembers who stands behind each access key for a few seconds, so that a client's stream of
 * requests does not read the key and its user from the store on every call.
 *
 * <p>Staleness is bounded two ways. Across nodes (several servers on one PostgreSQL database), a
 * change made on another node is seen here at most {@link #DEFAULT_TIME_TO_LIVE} later, as AWS itself
 * propagates IAM changes within seconds. On this node, every change that could alter a caller (a
 * key deactivated or deleted, a user renamed or deleted) is an audit event, and the event drops the
 * account's entries at once. The event comes inside the unit of work, before its commit, so the
 * account is then read through, never cached, for a time-to-live: a request that reads the old row
 * just before the commit cannot put it back in the cache. Once the change's request has answered,
 * the next request sees it.
 *
 * <p>Only found credentials are kept; an unknown key is asked of the store every time. The secrets
 * are the ones the lookup already holds in memory while it verifies a signature.
 */
public final class CachedCallerLookup implements CredentialLookup<Caller>, AuditObserver {

    /** How long a caller is remembered, and how long an account is read through after a change. */
    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofSeconds(5);

    /** The events after which a caller of the account may differ from what was cached. */
    private static final Set<AuditAction> CHANGING_CALLERS = EnumSet.of(AuditAction.ACCESS_KEY_STATUS_CHANGED,
            AuditAction.ACCESS_KEY_DELETED, AuditAction.USER_UPDATED, AuditAction.USER_DELETED);

    private static final long MAXIMUM_ENTRIES = 100_000;

    private record Entry(SigningCredential<Caller> credential, Instant loadedAt) {
    }

    private final CredentialLookup<Caller> store;
    private final Clock clock;
    private final Duration timeToLive;
    private final Cache<String, Entry> entries;
    // Accounts changed recently, with when their read-through ends.
    private final ConcurrentMap<AccountId, Instant> readThroughUntil = new ConcurrentHashMap<>();

    public CachedCallerLookup(CredentialLookup<Caller> store, Clock clock, Duration timeToLive) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeToLive = Objects.requireNonNull(timeToLive, "timeToLive");
        // Maintenance on the calling thread: handing it to the common pool woke a thread every few requests.
        this.entries = Caffeine.newBuilder().maximumSize(MAXIMUM_ENTRIES).executor(Runnable::run).build();
    }

    @Override
    public Optional<SigningCredential<Caller>> find(String accessKeyId) {
        Instant now = clock.instant();
        Entry cached = entries.getIfPresent(accessKeyId);
        if (cached != null && now.isBefore(cached.loadedAt().plus(timeToLive))) {
            return Optional.of(cached.credential());
        }
        Optional<SigningCredential<Caller>> found = store.find(accessKeyId);
        if (found.isEmpty()) {
            entries.invalidate(accessKeyId);
            return found;
        }
        AccountId account = found.get().principal().accountId();
        if (!readingThrough(account, now)) {
            Entry entry = new Entry(found.get(), now);
            entries.put(accessKeyId, entry);
            // A change that began meanwhile has either dropped this entry or is seen here.
            if (readingThrough(account, clock.instant())) {
                entries.asMap().remove(accessKeyId, entry);
            }
        }
        return found;
    }

    @Override
    public void recorded(AuditEvent event) {
        if (!CHANGING_CALLERS.contains(event.action()) || event.accountId() == null) {
            return;
        }
        AccountId account = event.accountId();
        // First the read-through, then the drop: a concurrent load either sees one or is dropped by the other.
        readThroughUntil.merge(account, clock.instant().plus(timeToLive), (old, fresh) -> fresh.isAfter(old) ? fresh : old);
        entries.asMap().values().removeIf(entry -> entry.credential().principal().accountId().equals(account));
    }

    private boolean readingThrough(AccountId account, Instant now) {
        Instant until = readThroughUntil.get(account);
        if (until == null) {
            return false;
        }
        if (now.isBefore(until)) {
            return true;
        }
        readThroughUntil.remove(account, until);
        return false;
    }
}
