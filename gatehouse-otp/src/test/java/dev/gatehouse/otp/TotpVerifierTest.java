package dev.gatehouse.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TotpVerifierTest {

    private static final OtpSecret SECRET = OtpSecret.fromBase32("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);

    private final TotpGenerator generator = new TotpGenerator(TotpParameters.AWS_DEFAULT);
    private final TotpVerifier verifier = new TotpVerifier(TotpParameters.AWS_DEFAULT);
    private final long step = TotpParameters.AWS_DEFAULT.stepAt(NOW);

    @Test
    void matchesTheCurrentStep() {
        String code = generator.generateOneTimePasswordAtStep(SECRET, step);

        assertThat(verifier.verify(SECRET, code, NOW, 1)).hasValue(step);
    }

    @Test
    void matchesTheStepsOneEitherSideWithAWindowOfOne() {
        assertThat(verifier.verify(SECRET, generator.generateOneTimePasswordAtStep(SECRET, step - 1), NOW, 1))
                .hasValue(step - 1);
        assertThat(verifier.verify(SECRET, generator.generateOneTimePasswordAtStep(SECRET, step + 1), NOW, 1))
                .hasValue(step + 1);
    }

    @Test
    void doesNotMatchStepsOutsideTheWindow() {
        String twoStepsOld = generator.generateOneTimePasswordAtStep(SECRET, step - 2);

        assertThat(verifier.verify(SECRET, twoStepsOld, NOW, 1)).isEmpty();
        assertThat(verifier.verify(SECRET, twoStepsOld, NOW, 2)).hasValue(step - 2);
    }

    @Test
    void windowZeroMatchesOnlyTheCentre() {
        assertThat(verifier.verify(SECRET, generator.generateOneTimePasswordAtStep(SECRET, step + 1), NOW, 0))
                .isEmpty();
    }

    @Test
    void searchesAroundAGivenCentreStep() {
        long drifted = step + 10;
        String code = generator.generateOneTimePasswordAtStep(SECRET, drifted + 1);

        assertThat(verifier.verifyAround(SECRET, code, drifted, 1)).hasValue(drifted + 1);
    }

    @Test
    void rejectsACodeForAnotherSecret() {
        OtpSecret other = OtpSecret.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        String code = generator.generateOneTimePasswordAtStep(other, step);
        assertThat(code).isNotEqualTo(generator.generateOneTimePasswordAtStep(SECRET, step));

        assertThat(verifier.verify(SECRET, code, NOW, 0)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "1234567", "12 456", "abcdef", "١٢٣٤٥٦", "+12345", "-12345"})
    void rejectsCodesThatAreNotExactlySixAsciiDigits(String code) {
        assertThat(verifier.verify(SECRET, code, NOW, 100)).isEmpty();
    }

    @Test
    void rejectsNullCodes() {
        assertThat(verifier.verify(SECRET, null, NOW, 1)).isEmpty();
    }

    @Test
    void rejectsANegativeWindow() {
        assertThatThrownBy(() -> verifier.verify(SECRET, "123456", NOW, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
