package dev.gatehouse.cli.authenticator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class InstantConverterTest {

    private final InstantConverter converter = new InstantConverter();

    @Test
    void readsEpochSeconds() {
        assertThat(converter.convert("1111111109")).isEqualTo(Instant.ofEpochSecond(1111111109));
        assertThat(converter.convert("0")).isEqualTo(Instant.EPOCH);
    }

    @Test
    void readsIso8601WithAZoneOrOffset() {
        assertThat(converter.convert("2005-03-18T01:58:29Z")).isEqualTo(Instant.ofEpochSecond(1111111109));
        assertThat(converter.convert("2005-03-18T02:58:29.5+01:00")).isEqualTo(Instant.ofEpochSecond(1111111109, 500_000_000));
    }

    @Test
    void refusesTextWithoutAZoneAndInstantsOutOfRange() {
        assertThatThrownBy(() -> converter.convert("2005-03-18T01:58:29")).isInstanceOf(CommandLine.TypeConversionException.class);
        assertThatThrownBy(() -> converter.convert("-5")).hasMessageContaining("outside");
        assertThatThrownBy(() -> converter.convert("+10000-01-01T00:00:00Z")).hasMessageContaining("outside");
        assertThatThrownBy(() -> converter.convert("999999999999999999")).hasMessageContaining("outside");
    }
}
