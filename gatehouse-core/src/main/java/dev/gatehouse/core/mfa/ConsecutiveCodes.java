package dev.gatehouse.core.mfa;

import dev.gatehouse.otp.OtpSecret;
import dev.gatehouse.otp.TotpVerifier;
import java.util.OptionalLong;

/** Finds where two codes typed one after the other (enable, resync) sit on a device's clock. */
final class ConsecutiveCodes {

    private ConsecutiveCodes() {
    }

    /**
     * The step of {@code second} where {@code first} matches a step within {@code window} of
     * {@code centre} and {@code second} the step right after it. Tried from both codes, so that a
     * coincidental match of one code nearer the centre does not hide the real pair.
     */
    static OptionalLong secondStep(TotpVerifier verifier, OtpSecret seed, String first, String second,
            long centre, int window) {
        OptionalLong firstStep = verifier.verifyAround(seed, first, centre, window);
        if (firstStep.isPresent()
                && verifier.verifyAround(seed, second, firstStep.getAsLong() + 1, 0).isPresent()) {
            return OptionalLong.of(firstStep.getAsLong() + 1);
        }
        OptionalLong secondStep = verifier.verifyAround(seed, second, centre, window);
        if (secondStep.isPresent()
                && verifier.verifyAround(seed, first, secondStep.getAsLong() - 1, 0).isPresent()) {
            return secondStep;
        }
        return OptionalLong.empty();
    }
}
