package dev.gatehouse.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.IdentityServices;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.crypto.Argon2Parameters;
import dev.gatehouse.core.crypto.KeyRing;
import dev.gatehouse.core.crypto.MasterKey;
import dev.gatehouse.core.crypto.PasswordHasher;
import dev.gatehouse.core.crypto.SecretCipher;
import dev.gatehouse.core.store.Store;
import dev.gatehouse.core.store.StoreSession;
import dev.gatehouse.core.throttle.ThrottlePolicy;
import dev.gatehouse.core.user.AccessKey;
import dev.gatehouse.core.user.AccessKeyId;
import dev.gatehouse.core.user.NewAccessKey;
import dev.gatehouse.store.jdbc.JdbcStore;
import dev.gatehouse.store.jdbc.StoreSettings;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessKeyUseRecorderTest {

    @TempDir
    Path data;

    private JdbcStore jdbc;
    private final CountingStore store = new CountingStore();
    private final ShiftableClock clock = new ShiftableClock();
    private IdentityServices services;
    private Account account;
    private AccessKeyUseRecorder recorder;

    @BeforeEach
    void open() {
        jdbc = JdbcStore.open(StoreSettings.embedded(data));
        services = IdentityServices.create(store, new SecretCipher(KeyRing.of(MasterKey.generate(new SecureRandom()))),
                new PasswordHasher(new Argon2Parameters(1024, 1, 1)), ThrottlePolicy.DEFAULT, clock);
        account = services.accounts().createAccount("root@example.com", null, "Correct-Horse-Battery-9");
        recorder = new AccessKeyUseRecorder(services.accessKeys(), clock);
    }

    @AfterEach
    void close() {
        jdbc.close();
    }

    @Test
    void touchesNoStoreUntilFlushedThenWritesEveryKeyInOneTransaction() {
        NewAccessKey first = services.accessKeys().createAccessKey(account.root(), Origin.LOCAL);
        NewAccessKey second = services.accessKeys().createAccessKey(account.root(), Origin.LOCAL);
        int before = store.transactions.get();

        for (int request = 0; request < 1000; request++) {
            recorder.record(first.key().id(), "us-east-1", "iam");
        }
        recorder.record(second.key().id(), "eu-west-1", "sts");
        assertThat(store.transactions.get()).isEqualTo(before);

        recorder.flush();

        assertThat(store.transactions.get()).isEqualTo(before + 1);
        assertThat(key(first.key().id()).lastUsedRegion()).isEqualTo("us-east-1");
        assertThat(key(second.key().id()).lastUsedService()).isEqualTo("sts");
    }

    @Test
    void keepsTheLatestUseOfAKey() {
        NewAccessKey key = services.accessKeys().createAccessKey(account.root(), Origin.LOCAL);
        recorder.record(key.key().id(), "us-east-1", "iam");
        clock.advance(Duration.ofSeconds(1));
        recorder.record(key.key().id(), "eu-west-1", "sts");

        recorder.flush();

        AccessKey stored = key(key.key().id());
        assertThat(stored.lastUsedRegion()).isEqualTo("eu-west-1");
        assertThat(stored.lastUsedService()).isEqualTo("sts");
    }

    @Test
    void skipsAUseWithinASecondOfTheNotedOneUnlessItsRegionOrServiceDiffers() {
        NewAccessKey key = services.accessKeys().createAccessKey(account.root(), Origin.LOCAL);
        recorder.record(key.key().id(), "us-east-1", "iam");
        clock.advance(Duration.ofMillis(300));
        recorder.record(key.key().id(), "us-east-1", "iam");
        recorder.flush();
        Instant noted = key(key.key().id()).lastUsedAt();
        assertThat(noted).as("the first use stands").isBefore(clock.instant().minusMillis(250));

        clock.advance(Duration.ofSeconds(1));
        recorder.record(key.key().id(), "us-east-1", "iam");
        recorder.flush();
        assertThat(key(key.key().id()).lastUsedAt()).isAfterOrEqualTo(noted.plusSeconds(1));

        // Later than the use just stored (which the store keeps to the millisecond), within a second of it.
        clock.advance(Duration.ofMillis(10));
        recorder.record(key.key().id(), "us-east-1", "iam");
        recorder.record(key.key().id(), "eu-west-1", "sts");
        recorder.flush();
        assertThat(key(key.key().id()).lastUsedRegion()).isEqualTo("eu-west-1");
    }

    @Test
    void doesNotWriteWhenNothingWasUsed() {
        int before = store.transactions.get();

        recorder.flush();

        assertThat(store.transactions.get()).isEqualTo(before);
    }

    @Test
    void keepsUsesForTheNextFlushWhenTheStoreFails() {
        NewAccessKey key = services.accessKeys().createAccessKey(account.root(), Origin.LOCAL);
        recorder.record(key.key().id(), "us-east-1", "iam");
        store.failing.set(true);

        assertThatThrownBy(recorder::flush).isInstanceOf(IllegalStateException.class);

        store.failing.set(false);
        recorder.flush();
        assertThat(key(key.key().id()).lastUsedRegion()).isEqualTo("us-east-1");
    }

    private AccessKey key(AccessKeyId id) {
        return jdbc.read(session -> session.accessKeys().find(id)).orElseThrow();
    }

    /** The real store, counting its units of work, and failing them on demand. */
    private final class CountingStore implements Store {
        final AtomicInteger transactions = new AtomicInteger();
        final AtomicBoolean failing = new AtomicBoolean();

        @Override
        public <T> T inTransaction(Function<StoreSession, T> work) {
            if (failing.get()) {
                throw new IllegalStateException("the database is away");
            }
            transactions.incrementAndGet();
            return jdbc.inTransaction(work);
        }
    }
}
