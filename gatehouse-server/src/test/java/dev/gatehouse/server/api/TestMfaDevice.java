package dev.gatehouse.server.api;

import dev.gatehouse.otp.OtpSecret;
import dev.gatehouse.otp.TotpGenerator;
import dev.gatehouse.otp.TotpParameters;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

/**
 * A virtual MFA device as a test holds it: its serial and the seed it was created with, and the
 * codes an authenticator app would show at the server's current step and the ones after.
 */
record TestMfaDevice(String serialNumber, OtpSecret seed, Clock clock) {

    private static final TotpGenerator GENERATOR = new TotpGenerator(TotpParameters.AWS_DEFAULT);

    /** Creates a device through the API and keeps the seed it returned. */
    static TestMfaDevice create(IamClient iam, String name, Clock clock) {
        VirtualMFADevice created = iam.createVirtualMFADevice(r -> r.virtualMFADeviceName(name)).virtualMFADevice();
        return new TestMfaDevice(created.serialNumber(), seedOf(created), clock);
    }

    /** {@code Base32StringSeed} carries the ASCII of the base32 text. */
    static OtpSecret seedOf(VirtualMFADevice created) {
        return OtpSecret.fromBase32(new String(created.base32StringSeed().asByteArray(), StandardCharsets.US_ASCII));
    }

    /** The code {@code steps} after the server's current step. */
    String code(int steps) {
        long current = TotpParameters.AWS_DEFAULT.stepAt(clock.instant());
        return GENERATOR.generateOneTimePasswordAtStep(seed, current + steps);
    }

    void enable(IamClient iam, String userName) {
        iam.enableMFADevice(r -> r.userName(userName).serialNumber(serialNumber).authenticationCode1(code(0))
                .authenticationCode2(code(1)));
    }
}
