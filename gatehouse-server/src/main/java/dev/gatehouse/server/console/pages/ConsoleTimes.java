package dev.gatehouse.server.console.pages;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** How the console writes times: UTC to the second, said so, one format on every page. */
public final class ConsoleTimes {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ConsoleTimes() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /** The time, or {@code otherwise} (e.g. "Never") when there is none. */
    public static String format(Optional<Instant> instant, String otherwise) {
        return instant.map(ConsoleTimes::format).orElse(otherwise);
    }
}
