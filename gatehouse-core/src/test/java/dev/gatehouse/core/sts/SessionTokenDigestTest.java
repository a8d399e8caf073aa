package dev.gatehouse.core.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SessionTokenDigestTest {

    @Test
    void isTheSha256OfTheTokenInLowerCaseHex() {
        // FIPS 180-2's test vector for "abc".
        assertThat(SessionTokenDigest.of("abc").hex())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void matchesOnlyTheTokenItWasMadeFrom() {
        SessionToken token = SessionToken.generate(new SecureRandom());
        SessionTokenDigest digest = token.digest();
        assertThat(digest.matches(token.reveal())).isTrue();
        assertThat(digest.matches(token.reveal().toUpperCase(Locale.ROOT))).isFalse();
        assertThat(digest.matches(SessionToken.generate(new SecureRandom()).reveal())).isFalse();
        assertThat(digest.matches(null)).isFalse();
    }

    @Test
    void refusesAnythingButSixtyFourLowerCaseHexDigits() {
        assertThatThrownBy(() -> new SessionTokenDigest("abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SessionTokenDigest("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
