package dev.gatehouse.bench.console;

import dev.gatehouse.core.IdentityServices;
import dev.gatehouse.core.Tags;
import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.crypto.PasswordHash;
import dev.gatehouse.core.mfa.DeviceName;
import dev.gatehouse.core.mfa.NewVirtualMfaDevice;
import dev.gatehouse.core.user.IamPath;
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.core.user.LoginProfile;
import dev.gatehouse.core.user.UserName;
import dev.gatehouse.otp.OtpSecret;
import dev.gatehouse.otp.TotpGenerator;
import dev.gatehouse.otp.TotpParameters;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * IAM users with console passwords and enabled virtual MFA devices, made through the domain services on
 * the store the server then serves. A code is accepted once per device and step, so a user may sign in
 * again only in a later step: the users go round in the order they were last used, and the pool is made
 * large enough that the oldest one is always free. Should it not be, the sign-in waits for the next
 * step and {@link #waits()} counts it, so that a report can show that none waited.
 */
final class SignInPool {

    private static final TotpParameters TOTP = TotpParameters.AWS_DEFAULT;
    private static final TotpGenerator GENERATOR = new TotpGenerator(TOTP);

    /** A user, its device's seed, and the last step whose code it used. */
    private record Member(String userName, OtpSecret seed, long lastStep) {
    }

    /** The user and the code one sign-in uses. */
    record Turn(String userName, String code) {
    }

    private final ConcurrentLinkedQueue<Member> queue = new ConcurrentLinkedQueue<>();
    private final LongAdder waits = new LongAdder();
    private final Clock clock;

    private SignInPool(List<Member> members, Clock clock) {
        this.queue.addAll(members);
        this.clock = clock;
    }

    /**
     * Makes {@code size} users named {@code prefix-N} in {@code account}, {@code threads} at a time, each
     * with the console password whose stored hash is {@code password}. All share that one hash, as if
     * they had chosen the same password: a sign-in verifies it at the same cost, and the pool is made
     * without one Argon2id hash per user.
     */
    static SignInPool prepare(IdentityServices services, AccountId account, PasswordHash password, String prefix, int size,
            int threads) throws InterruptedException {
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Member>> made = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                String name = prefix + "-" + i;
                made.add(workers.submit(() -> member(services, account, password, name)));
            }
            List<Member> members = new ArrayList<>();
            for (Future<Member> member : made) {
                members.add(member.get());
            }
            return new SignInPool(members, services.clock());
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not prepare the users: " + e.getCause(), e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    private static Member member(IdentityServices services, AccountId account, PasswordHash password, String name) {
        IamUser user = services.users().createUser(account, UserName.of(name), IamPath.ROOT, Tags.NONE, Origin.LOCAL);
        Instant now = services.clock().instant();
        services.store().inTransaction(session -> {
            session.loginProfiles().insert(new LoginProfile(user.principal(), password, false, now, now, null));
            return null;
        });
        NewVirtualMfaDevice device = services.mfaDevices().createVirtualMfaDevice(account, IamPath.ROOT, DeviceName.of(name),
                Tags.NONE, Origin.LOCAL);
        long step = TOTP.stepAt(services.clock().instant());
        services.mfaDevices().enableMfaDevice(user.principal(), device.device().serial(),
                GENERATOR.generateOneTimePasswordAtStep(device.seed(), step - 1),
                GENERATOR.generateOneTimePasswordAtStep(device.seed(), step), Origin.LOCAL);
        return new Member(name, device.seed(), step);
    }

    int size() {
        return queue.size();
    }

    /**
     * Sign-ins that had to wait for a new step because every user had used the current one. On an
     * {@link AheadClock} they do not wait: the clock is moved to that step.
     */
    long waits() {
        return waits.sum();
    }

    /**
     * Runs {@code signIn} with the user used longest ago and its code of the current step (or of the
     * next, if the current one is used), then puts the user back at the end of the round.
     */
    void signIn(SignIn signIn) throws Exception {
        Member member = queue.poll();
        if (member == null) {
            throw new IllegalStateException("more concurrent sign-ins than users");
        }
        long step = TOTP.stepAt(clock.instant());
        try {
            if (step == member.lastStep()) {
                // Used in this step (just enabled, typically): the next step's code is within the
                // sign-in's window, as from an app whose clock runs a little ahead.
                step++;
            } else if (step < member.lastStep()) {
                waits.increment();
                step = member.lastStep() + 1;
                if (clock instanceof AheadClock ahead) {
                    ahead.moveTo(TOTP.stepStart(step - 1));
                } else {
                    Thread.sleep(Math.max(0, TOTP.stepStart(step - 1).toEpochMilli() - clock.millis()));
                }
            }
            signIn.run(new Turn(member.userName(), GENERATOR.generateOneTimePasswordAtStep(member.seed(), step)));
        } finally {
            queue.add(new Member(member.userName(), member.seed(), step));
        }
    }

    /** One sign-in with the turn's user and code. */
    @FunctionalInterface
    interface SignIn {
        void run(Turn turn) throws Exception;
    }
}
