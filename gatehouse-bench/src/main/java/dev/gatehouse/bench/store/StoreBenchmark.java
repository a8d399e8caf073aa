package dev.gatehouse.bench.store;

import dev.gatehouse.core.IdentityServices;
import dev.gatehouse.core.Tags;
import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.crypto.KeyRing;
import dev.gatehouse.core.crypto.MasterKey;
import dev.gatehouse.core.mfa.DeviceName;
import dev.gatehouse.core.mfa.NewVirtualMfaDevice;
import dev.gatehouse.core.mfa.VerificationOutcome;
import dev.gatehouse.core.user.IamPath;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The store's work on the two hot write paths, on SQLite and on PostgreSQL, with durable commits:
 * a sign-in's MFA verification (read the device, open its seed, advance the replay guard
 * atomically, reset the throttle, write the audit event: one transaction) and the creation of a
 * virtual MFA device. Run, at 1 and 8 threads:
 * {@code java -jar gatehouse-bench/target/benchmarks.jar StoreBenchmark -t 1} (and {@code -t 8}).
 * PostgreSQL is {@code GATEHOUSE_BENCH_POSTGRES_URL}, by default the test server; each trial works
 * in a fresh schema, dropped afterwards.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class StoreBenchmark {

    @Param({BenchmarkDatabase.SQLITE, BenchmarkDatabase.POSTGRESQL})
    public String database;

    BenchmarkDatabase opened;
    KeyRing keys;
    IdentityServices services;
    AccountId account;
    private final AtomicLong deviceNumbers = new AtomicLong();
    // An account holds at most 5,000 virtual devices, as AWS's; a long run moves on to a new one.
    private final ConcurrentMap<Long, AccountId> deviceAccounts = new ConcurrentHashMap<>();
    private static final long DEVICES_PER_ACCOUNT = 4_000;

    @Setup(Level.Trial)
    public void openStore() {
        opened = BenchmarkDatabase.open(database);
        keys = KeyRing.of(MasterKey.generate(new SecureRandom()));
        services = IdentityServices.create(opened.store(), keys, Clock.systemUTC());
        account = services.accounts().createAccount("bench@example.com", "bench", "Correct-Horse-7-Battery").id();
    }

    @TearDown(Level.Trial)
    public void closeStore() {
        opened.close();
    }

    /** One sign-in's MFA check with a valid code never used before. */
    @Benchmark
    public VerificationOutcome verifyAndAdvance(SigningInUser user) {
        return user.verifyNextCode();
    }

    /** CreateVirtualMFADevice: a fresh seed, sealed, and the device row with its audit event. */
    @Benchmark
    public NewVirtualMfaDevice createVirtualMfaDevice() {
        long number = nextNumber();
        return services.mfaDevices().createVirtualMfaDevice(accountFor(number), IamPath.ROOT, DeviceName.of("device-" + number),
                Tags.NONE, Origin.LOCAL);
    }

    private AccountId accountFor(long deviceNumber) {
        return deviceAccounts.computeIfAbsent(deviceNumber / DEVICES_PER_ACCOUNT, bucket -> bucket == 0 ? account
                : services.accounts().createAccount("bench-" + bucket + "@example.com", null, "Correct-Horse-7-Battery").id());
    }

    /** Unique across threads, for user and device names, which are unique per account. */
    long nextNumber() {
        return deviceNumbers.incrementAndGet();
    }
}
