package dev.gatehouse.core.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class ConsoleSessionIdTest {

    private static final String SHA256_OF_43_AS = "0f007385b6f9d4b7eeb2748605afe1a984a0a3bfa3f014d09e2a784ce9e5cd1a";

    @Test
    void isTwoHundredFiftySixRandomBitsInBase64Url() {
        ConsoleSessionId id = ConsoleSessionId.generate(new SecureRandom());
        assertThat(id.reveal()).matches("[A-Za-z0-9_-]{43}");
        assertThat(ConsoleSessionId.generate(new SecureRandom())).isNotEqualTo(id);
        assertThat(ConsoleSessionId.parse(id.reveal())).contains(id);
    }

    @Test
    void parsesOnlyWhatCouldBeAnId() {
        assertThat(ConsoleSessionId.parse(null)).isEmpty();
        assertThat(ConsoleSessionId.parse("")).isEmpty();
        assertThat(ConsoleSessionId.parse("A".repeat(42))).isEmpty();
        assertThat(ConsoleSessionId.parse("A".repeat(42) + "=")).isEmpty();
        assertThat(ConsoleSessionId.parse("A".repeat(43))).isPresent();
    }

    @Test
    void itsDigestIsTheSha256InHex() {
        // SHA-256 of 43 'A's, computed with `printf 'A%.0s' {1..43} | sha256sum`.
        assertThat(ConsoleSessionId.parse("A".repeat(43)).orElseThrow().digest()).isEqualTo(SHA256_OF_43_AS);
        assertThat(ConsoleSessionId.parse("A".repeat(43)).orElseThrow().toString()).doesNotContain("AAAA");
    }
}
