package dev.gatehouse.bench.store;

import dev.gatehouse.core.IdentityServices;
import dev.gatehouse.core.Tags;
import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.mfa.DeviceName;
import dev.gatehouse.core.mfa.NewVirtualMfaDevice;
import dev.gatehouse.core.mfa.SerialNumber;
import dev.gatehouse.core.mfa.VerificationOutcome;
import dev.gatehouse.core.user.IamPath;
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.core.user.UserName;
import dev.gatehouse.otp.OtpSecret;
import dev.gatehouse.otp.TotpGenerator;
import dev.gatehouse.otp.TotpParameters;
import java.time.Instant;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One benchmark thread's user with an enabled virtual MFA device. A code may be accepted once, so
 * each call must bring a valid code of a step not used yet: each thread has its own device and its
 * own clock (its own {@link IdentityServices} over the shared store), and moves the clock one step
 * before each call. Threads never share a device, so every call is accepted and does the full work.
 */
@State(Scope.Thread)
public class SigningInUser {

    private static final TotpParameters PARAMETERS = TotpParameters.AWS_DEFAULT;

    private final TotpGenerator generator = new TotpGenerator(PARAMETERS);
    private SteppingClock clock;
    private IdentityServices services;
    private PrincipalRef principal;
    private SerialNumber serial;
    private OtpSecret seed;

    @Setup(Level.Trial)
    public void enableDevice(StoreBenchmark benchmark) {
        clock = new SteppingClock(Instant.now());
        services = IdentityServices.create(benchmark.opened.store(), benchmark.keys, clock);
        String name = "signer-" + benchmark.nextNumber();
        IamUser user = services.users().createUser(benchmark.account, UserName.of(name), IamPath.ROOT, Tags.NONE,
                Origin.LOCAL);
        NewVirtualMfaDevice device = services.mfaDevices().createVirtualMfaDevice(benchmark.account, IamPath.ROOT,
                DeviceName.of(name), Tags.NONE, Origin.LOCAL);
        principal = user.principal();
        serial = device.device().serial();
        seed = device.seed();
        long step = PARAMETERS.stepAt(clock.instant());
        services.mfaDevices().enableMfaDevice(principal, serial, generator.generateOneTimePasswordAtStep(seed, step - 1),
                generator.generateOneTimePasswordAtStep(seed, step), Origin.LOCAL);
    }

    /**
     * Moves to the next step and verifies its code.
     *
     * @throws IllegalStateException unless the code is accepted: anything else would measure a shorter path
     */
    VerificationOutcome verifyNextCode() {
        clock.advance(PARAMETERS.period());
        String code = generator.generateOneTimePasswordAtStep(seed, PARAMETERS.stepAt(clock.instant()));
        VerificationOutcome outcome = services.mfaVerifier().verify(principal, serial, code, Origin.LOCAL);
        if (outcome != VerificationOutcome.ACCEPTED) {
            throw new IllegalStateException("a fresh valid code was " + outcome);
        }
        return outcome;
    }
}
