package dev.gatehouse.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpParametersTest {

    @Test
    void awsDefaultsAreSha1SixDigitsThirtySeconds() {
        assertThat(TotpParameters.AWS_DEFAULT.algorithm()).isEqualTo(HmacAlgorithm.SHA1);
        assertThat(TotpParameters.AWS_DEFAULT.digits()).isEqualTo(6);
        assertThat(TotpParameters.AWS_DEFAULT.period()).isEqualTo(Duration.ofSeconds(30));
        assertThat(TotpParameters.AWS_DEFAULT.t0()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void rejectsStepsShorterThanOneSecond() {
        assertThatThrownBy(() -> new TotpParameters(HmacAlgorithm.SHA1, 6, Duration.ofMillis(999)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one second or more");
    }

    @Test
    void acceptsAStepOfOneAndAHalfSeconds() {
        TotpParameters parameters = new TotpParameters(HmacAlgorithm.SHA1, 6, Duration.ofMillis(1_500));

        assertThat(parameters.stepAt(Instant.ofEpochMilli(4_499))).isEqualTo(2);
        assertThat(parameters.stepAt(Instant.ofEpochMilli(4_500))).isEqualTo(3);
    }

    @Test
    void countsStepsBeforeT0AsNegative() {
        TotpParameters parameters = new TotpParameters(HmacAlgorithm.SHA1, 6, Duration.ofSeconds(30), Instant.ofEpochSecond(60));

        assertThat(parameters.stepAt(Instant.ofEpochSecond(59))).isEqualTo(-1);
        assertThat(parameters.stepAt(Instant.ofEpochSecond(60))).isZero();
    }

    @Test
    void tellsHowLongTheCurrentCodeStaysValid() {
        // 1,000,000,002 s is 12 s into its step (999,999,990 is a multiple of 30).
        Instant instant = Instant.ofEpochSecond(1_000_000_002L);

        assertThat(TotpParameters.AWS_DEFAULT.remainingValidity(instant)).isEqualTo(Duration.ofSeconds(18));
        assertThat(TotpParameters.AWS_DEFAULT.stepStart(TotpParameters.AWS_DEFAULT.stepAt(instant)))
                .isEqualTo(Instant.ofEpochSecond(999_999_990L));
    }
}
