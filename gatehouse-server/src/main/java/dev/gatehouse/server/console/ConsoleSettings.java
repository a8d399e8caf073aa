package dev.gatehouse.server.console;

import dev.gatehouse.core.console.ConsoleSessionLimits;
import java.util.Objects;

/**
 * The operator's choices for the console.
 *
 * @param signUpEnabled whether anyone who reaches the console may create an account
 *     ({@code serve --no-sign-up} turns it off)
 * @param sessionLimits the idle and absolute timeouts of console sessions
 */
public record ConsoleSettings(boolean signUpEnabled, ConsoleSessionLimits sessionLimits) {

    public static final ConsoleSettings DEFAULT = new ConsoleSettings(true, ConsoleSessionLimits.DEFAULT);

    public ConsoleSettings {
        Objects.requireNonNull(sessionLimits, "sessionLimits");
    }

    public ConsoleSettings withSignUp(boolean enabled) {
        return new ConsoleSettings(enabled, sessionLimits);
    }
}
