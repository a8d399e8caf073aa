package dev.gatehouse.otp;

import java.time.Instant;
import java.util.Objects;

/**
 * RFC 6238 TOTP codes: HOTP over the number of time steps since T0. Immutable and thread-safe.
 *
 * <p>Clock drift, replay protection and rate limiting are the caller's job; see
 * {@link TotpVerifier} for matching a code against a window of steps.
 */
public final class TotpGenerator {

    private final TotpParameters parameters;
    private final HotpGenerator hotp;

    public TotpGenerator(TotpParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.hotp = new HotpGenerator(parameters.algorithm(), parameters.digits());
    }

    public TotpParameters parameters() {
        return parameters;
    }

    /** The code for the time step containing {@code instant}, as ASCII digits. */
    public String generateOneTimePassword(OtpSecret secret, Instant instant) {
        return generateOneTimePasswordAtStep(secret, parameters.stepAt(instant));
    }

    /** The code for time step {@code step}, as ASCII digits. */
    public String generateOneTimePasswordAtStep(OtpSecret secret, long step) {
        return hotp.generateOneTimePasswordString(secret, step);
    }
}
