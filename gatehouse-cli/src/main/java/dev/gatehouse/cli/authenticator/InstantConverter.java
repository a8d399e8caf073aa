package dev.gatehouse.cli.authenticator;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/**
 * An instant as ISO-8601 with a zone ({@code 2026-11-22T21:30:00Z}, {@code …+01:00}) or as whole
 * seconds since the epoch ({@code 1795383000}, what {@code date +%s} prints). Limited to the years
 * 1970 to 9999, where TOTP steps are defined and milliseconds do not overflow.
 */
final class InstantConverter implements CommandLine.ITypeConverter<Instant> {

    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    @Override
    public Instant convert(String value) {
        Instant instant = parse(value.strip());
        if (instant.isBefore(Instant.EPOCH) || instant.isAfter(LATEST)) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is outside 1970-01-01T00:00:00Z to " + LATEST);
        }
        return instant;
    }

    private static Instant parse(String value) {
        if (value.matches("-?[0-9]{1,18}")) {
            long seconds = Long.parseLong(value);
            // Beyond Instant's range; the caller's range check then refuses it with its message.
            return seconds < 0 ? Instant.MIN : seconds > LATEST.getEpochSecond() ? Instant.MAX : Instant.ofEpochSecond(seconds);
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value
                    + "' is neither epoch seconds nor ISO-8601 with a zone, like 2026-11-22T21:30:00Z");
        }
    }
}
