package dev.gatehouse.server.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The dates of a signature, which are read and written without java.time's formatters. */
class SignatureDatesTest {

    @Test
    void readsAndWritesTheBasicIsoForms() {
        assertThat(SigV4Authorization.parseAmzDate("20261123T013059Z")).isEqualTo(Instant.parse("2026-11-23T01:30:59Z"));
        assertThat(CredentialScope.parseDate("20240229")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(CredentialScope.formatDate(LocalDate.of(2026, 1, 5))).isEqualTo("20260105");
        assertThat(CredentialScope.formatDate(LocalDate.of(987, 6, 5))).isEqualTo("09870605");
        assertThat(CredentialScope.parse("20261123/us-east-1/iam/aws4_request"))
                .hasToString("20261123/us-east-1/iam/aws4_request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"20261123T013059", "20261123 013059Z", "2026-11-23T01:30:59Z", "20261123T250000Z",
            "20261131T000000Z", "2026112aT000000Z", "20261123T0130590Z", ""})
    void refusesAnythingElseAsAnAmzDate(String text) {
        assertThatThrownBy(() -> SigV4Authorization.parseAmzDate(text)).isInstanceOf(DateTimeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026112", "202611230", "20230229", "2026-1-1", "+2026112"})
    void refusesAnythingElseAsAScopeDate(String text) {
        assertThatThrownBy(() -> CredentialScope.parseDate(text)).isInstanceOf(DateTimeException.class);
    }
}
