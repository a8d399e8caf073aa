package dev.gatehouse.server.console.pages;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** How the administrators' pages write times: UTC to the second, one format everywhere. */
public final class AdminText {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private AdminText() {
    }

    public static String time(Instant instant) {
        return FORMAT.format(instant);
    }

    /** The time, or {@code otherwise} (e.g. "Never") when there is none. */
    public static String time(Optional<Instant> instant, String otherwise) {
        return instant.map(AdminText::time).orElse(otherwise);
    }
}
