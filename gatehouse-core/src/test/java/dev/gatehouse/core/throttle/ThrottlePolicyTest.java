package dev.gatehouse.core.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ThrottlePolicyTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    @ParameterizedTest(name = "failure {0} blocks for {1} seconds")
    @CsvSource({"1, 0", "2, 0", "3, 1", "4, 2", "5, 4", "6, 8", "9, 64", "10, 900", "11, 900", "50, 900"})
    void delaysDoubleFromTheThirdFailureAndTheTenthLocksForFifteenMinutes(int failures, long seconds) {
        assertThat(ThrottlePolicy.DEFAULT.blockedUntil(failures, AT)).isEqualTo(AT.plusSeconds(seconds));
    }

    @Test
    void refusesAPolicyThatWouldAllowOneHundredFailures() {
        assertThatThrownBy(() -> new ThrottlePolicy(3, Duration.ofSeconds(1), 100, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
