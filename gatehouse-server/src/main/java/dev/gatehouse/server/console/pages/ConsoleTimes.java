package dev.gatehouse.server.console.pages;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as the console's tables show them: to the minute, in UTC, said so. */
final class ConsoleTimes {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ConsoleTimes() {
    }

    static String format(Instant instant) {
        return MINUTE.format(instant);
    }
}
