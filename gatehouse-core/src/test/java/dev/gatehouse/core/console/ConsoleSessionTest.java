package dev.gatehouse.core.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.account.PrincipalRef;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsoleSessionTest {

    private static final Instant START = Instant.parse("2026-11-22T12:00:00Z");
    private static final PrincipalRef ROOT = PrincipalRef.root(AccountId.of("123456789012"));

    private static ConsoleSession session(String csrfSecret, Instant lastSeen) {
        return new ConsoleSession("0".repeat(64), ROOT, ConsoleSessionState.AUTHENTICATED, null, false, START, START,
                lastSeen, null, csrfSecret);
    }

    @Test
    void derivesItsCsrfTokenFromTheSecretAndComparesIt() {
        ConsoleSession one = session("c2VjcmV0LW9uZS1zZWNyZXQtb25lLXNlY3JldC1vbmUtMTI", START);
        ConsoleSession two = session("c2VjcmV0LXR3by1zZWNyZXQtdHdvLXNlY3JldC10d28tMTI", START);
        assertThat(one.csrfToken()).isNotEqualTo(one.csrfSecret()).isNotEqualTo(two.csrfToken());
        assertThat(one.csrfTokenMatches(one.csrfToken())).isTrue();
        assertThat(one.csrfTokenMatches(two.csrfToken())).isFalse();
        assertThat(one.csrfTokenMatches(null)).isFalse();
        assertThat(one.csrfTokenMatches("")).isFalse();
    }

    @Test
    void expiresAtTheEarlierOfTheIdleAndAbsoluteLimits() {
        ConsoleSessionLimits limits = new ConsoleSessionLimits(Duration.ofMinutes(15), Duration.ofHours(1));
        assertThat(session("c2VjcmV0", START).expiresAt(limits)).isEqualTo(START.plus(Duration.ofMinutes(15)));
        assertThat(session("c2VjcmV0", START.plus(Duration.ofMinutes(50))).expiresAt(limits))
                .isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(session("c2VjcmV0", START).hasExpired(limits, START.plus(Duration.ofMinutes(15)))).isTrue();
    }

    @Test
    void anAuthenticationTimeGoesWithAnAuthenticatedSessionOnly() {
        assertThatThrownBy(() -> new ConsoleSession("0".repeat(64), ROOT, ConsoleSessionState.PENDING_MFA, null, false,
                START, START, START, null, "c2VjcmV0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConsoleSession("0".repeat(64), ROOT, ConsoleSessionState.AUTHENTICATED, null, false,
                START, null, START, null, "c2VjcmV0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void limitsRefuseAnIdleTimeoutLongerThanTheAbsoluteOne() {
        assertThatThrownBy(() -> new ConsoleSessionLimits(Duration.ofHours(2), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConsoleSessionLimits(Duration.ZERO, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
