package dev.gatehouse.core.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.mfa.SerialNumber;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MfaContextTest {

    private static final Instant AT = Instant.parse("2026-11-22T12:00:00Z");
    private static final SerialNumber SERIAL = SerialNumber.of("arn:aws:iam::123456789012:mfa/phone");

    @Test
    void reportsPresenceAndAgeOfAVerifiedCode() {
        MfaContext verified = MfaContext.verified(SERIAL, AT);
        assertThat(verified.present()).isTrue();
        assertThat(verified.serialNumber()).contains(SERIAL);
        assertThat(verified.age(AT.plusSeconds(90))).contains(Duration.ofSeconds(90));
    }

    @Test
    void hasNoAgeWithoutMfa() {
        assertThat(MfaContext.NONE.present()).isFalse();
        assertThat(MfaContext.NONE.serialNumber()).isEmpty();
        assertThat(MfaContext.NONE.age(AT)).isEmpty();
    }

    @Test
    void refusesASerialWithoutATimeOrATimeWithoutASerial() {
        assertThatThrownBy(() -> new MfaContext(SERIAL, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MfaContext(null, AT)).isInstanceOf(IllegalArgumentException.class);
    }
}
