package dev.gatehouse.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.audit.AuditAction;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditOutcome;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.authz.Caller;
import dev.gatehouse.server.sigv4.CredentialLookup;
import dev.gatehouse.server.sigv4.SigningCredential;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachedCallerLookupTest {

    private static final Duration TTL = Duration.ofSeconds(5);
    private static final AccountId ACCOUNT = AccountId.of("111111111111");
    private static final AccountId OTHER_ACCOUNT = AccountId.of("222222222222");
    private static final String KEY = "AKIAAAAAAAAAAAAAAAAA";
    private static final String OTHER_KEY = "AKIABBBBBBBBBBBBBBBB";

    private final ShiftableClock clock = new ShiftableClock();
    private final Map<String, SigningCredential<Caller>> stored = new HashMap<>();
    private final AtomicInteger storeReads = new AtomicInteger();
    private final CredentialLookup<Caller> store = id -> {
        storeReads.incrementAndGet();
        return Optional.ofNullable(stored.get(id));
    };
    private final CachedCallerLookup callers = new CachedCallerLookup(store, clock, TTL);

    CachedCallerLookupTest() {
        stored.put(KEY, credential(KEY, ACCOUNT));
        stored.put(OTHER_KEY, credential(OTHER_KEY, OTHER_ACCOUNT));
    }

    @Test
    void readsTheStoreOncePerTimeToLive() {
        callers.find(KEY);
        callers.find(KEY);
        clock.advance(TTL.minusSeconds(1)); // the clock also runs in real time: keep a margin
        callers.find(KEY);
        assertThat(storeReads).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        callers.find(KEY);
        assertThat(storeReads).hasValue(2);
    }

    @Test
    void seesAChangeOfOtherNodesWithinTheTimeToLive() {
        callers.find(KEY);
        stored.remove(KEY);

        assertThat(callers.find(KEY)).isPresent();
        clock.advance(TTL);
        assertThat(callers.find(KEY)).isEmpty();
    }

    @Test
    void forgetsTheAccountsCallersAtOnceWhenAKeyOrUserChanges() {
        for (AuditAction action : new AuditAction[] {AuditAction.ACCESS_KEY_STATUS_CHANGED, AuditAction.ACCESS_KEY_DELETED,
                AuditAction.USER_UPDATED, AuditAction.USER_DELETED}) {
            callers.find(KEY);
            stored.remove(KEY);

            callers.recorded(event(ACCOUNT, action));

            assertThat(callers.find(KEY)).as(action.name()).isEmpty();
            stored.put(KEY, credential(KEY, ACCOUNT));
            clock.advance(TTL);
        }
    }

    @Test
    void keepsOtherAccountsAndIgnoresChangesThatLeaveCallersAlone() {
        callers.find(KEY);
        callers.find(OTHER_KEY);

        callers.recorded(event(OTHER_ACCOUNT, AuditAction.ACCESS_KEY_DELETED));
        callers.recorded(event(ACCOUNT, AuditAction.MFA_DEVICE_ENABLED));
        callers.recorded(event(ACCOUNT, AuditAction.ACCESS_KEY_CREATED));
        callers.find(KEY);
        callers.find(OTHER_KEY);

        assertThat(storeReads).hasValue(3);
    }

    /**
     * The event comes before its transaction commits: a request that reads the old row meanwhile
     * must not put it back in the cache, or the change would go unseen for a time-to-live.
     */
    @Test
    void readsAChangedAccountThroughForATimeToLive() {
        callers.recorded(event(ACCOUNT, AuditAction.ACCESS_KEY_STATUS_CHANGED));
        callers.find(KEY);
        assertThat(callers.find(KEY)).isPresent();
        assertThat(storeReads).hasValue(2);

        stored.remove(KEY);
        assertThat(callers.find(KEY)).as("the commit is seen by the next request").isEmpty();

        stored.put(KEY, credential(KEY, ACCOUNT));
        clock.advance(TTL);
        callers.find(KEY);
        callers.find(KEY);
        assertThat(storeReads).as("cached again once the read-through is over").hasValue(4);
    }

    @Test
    void asksTheStoreEveryTimeForAnUnknownKey() {
        callers.find("AKIAUNKNOWNUNKNOWN00");
        callers.find("AKIAUNKNOWNUNKNOWN00");

        assertThat(storeReads).hasValue(2);
    }

    private static SigningCredential<Caller> credential(String keyId, AccountId account) {
        Caller caller = new Caller(new PrincipalRef.Root(account), Optional.empty(), account.rootArn(), true, keyId, false,
                Optional.empty());
        return SigningCredential.longTerm(keyId, "secret-of-" + keyId, true, caller);
    }

    private AuditEvent event(AccountId account, AuditAction action) {
        return new AuditEvent("event", clock.instant(), account, account.rootArn(), action, AuditOutcome.SUCCESS,
                Origin.LOCAL, false, "");
    }
}
