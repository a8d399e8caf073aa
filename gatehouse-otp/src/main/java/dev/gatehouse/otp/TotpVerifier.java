package dev.gatehouse.otp;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Finds the time step whose TOTP code equals a given code, within a window of steps.
 * Immutable and thread-safe.
 *
 * <p>This is the verification primitive only. It does not know which steps were already used,
 * how far a device's clock drifts, or how many wrong codes were tried: one-time use (RFC 6238
 * §5.2), drift and throttling (NIST SP 800-63B §5.2.2) are policy, and belong to the caller.
 */
public final class TotpVerifier {

    private final TotpParameters parameters;
    private final HotpGenerator hotp;

    public TotpVerifier(TotpParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.hotp = new HotpGenerator(parameters.algorithm(), parameters.digits());
    }

    public TotpParameters parameters() {
        return parameters;
    }

    /**
     * The step within {@code window} steps either side of the one containing {@code instant}
     * whose code is {@code code}, or empty.
     */
    public OptionalLong verify(OtpSecret secret, CharSequence code, Instant instant, int window) {
        return verifyAround(secret, code, parameters.stepAt(instant), window);
    }

    /**
     * The step within {@code window} steps either side of {@code centre} whose code is
     * {@code code}, or empty. The centre is tried first, then its neighbours nearest first, so
     * where two steps share a code the one nearer the expected time wins.
     */
    public OptionalLong verifyAround(OtpSecret secret, CharSequence code, long centre, int window) {
        if (window < 0) {
            throw new IllegalArgumentException("the window cannot be negative: " + window);
        }
        Objects.requireNonNull(secret, "secret");
        if (!OtpCodes.isWellFormed(code, parameters.digits())) {
            return OptionalLong.empty();
        }
        // Codes are compared as ints: one machine comparison whose time does not depend on how many
        // digits agree (String.equals stops at the first difference), so the timing tells a guesser
        // nothing; it also spares a String per step on this hot path. A wrong code always costs
        // every step of the window; a right one returns early, which reveals only the match the
        // caller learns anyway.
        int expected = Integer.parseInt(code, 0, code.length(), 10);
        // One init per verification: the Mac keeps its key across codes.
        HotpGenerator.Workspace workspace = hotp.keyedWith(secret);
        int modulus = hotp.modulus();
        if (workspace.codeFor(centre, modulus) == expected) {
            return OptionalLong.of(centre);
        }
        for (int distance = 1; distance <= window; distance++) {
            if (workspace.codeFor(centre - distance, modulus) == expected) {
                return OptionalLong.of(centre - distance);
            }
            if (workspace.codeFor(centre + distance, modulus) == expected) {
                return OptionalLong.of(centre + distance);
            }
        }
        return OptionalLong.empty();
    }
}
