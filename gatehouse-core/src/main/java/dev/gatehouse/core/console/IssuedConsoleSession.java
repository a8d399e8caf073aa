package dev.gatehouse.core.console;

import java.util.Objects;

/** A session just made: its ID, for the cookie and never stored, and what was stored. */
public record IssuedConsoleSession(ConsoleSessionId id, ConsoleSession session) {

    public IssuedConsoleSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(session, "session");
    }
}
