package dev.gatehouse.core.sts;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionTokenTest {

    @Test
    void isFiveHundredAndTwelveRandomBitsInUrlSafeBase64WithoutPadding() {
        String token = SessionToken.generate(new SecureRandom()).reveal();
        assertThat(token).matches("[A-Za-z0-9_-]{86}");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(64);
    }

    @Test
    void differsEveryTime() {
        SecureRandom random = new SecureRandom();
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            tokens.add(SessionToken.generate(random).reveal());
        }
        assertThat(tokens).hasSize(100);
    }

    @Test
    void isRedactedWhenPrinted() {
        SessionToken token = SessionToken.generate(new SecureRandom());
        assertThat(token.toString()).isEqualTo("SessionToken[redacted]").doesNotContain(token.reveal());
    }
}
