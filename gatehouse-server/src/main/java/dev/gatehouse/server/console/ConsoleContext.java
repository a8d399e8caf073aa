package dev.gatehouse.server.console;

import dev.gatehouse.core.IdentityServices;
import dev.gatehouse.core.authz.Authorizer;
import dev.gatehouse.core.console.ConsoleSessionService;
import java.util.Objects;

/**
 * What every page group is built with: the domain services, the same authorizer as the API,
 * the console's sessions and the operator's settings.
 */
public record ConsoleContext(IdentityServices services, Authorizer authorizer, ConsoleSessionService sessions,
        ConsoleSettings settings) {

    public ConsoleContext {
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(authorizer, "authorizer");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(settings, "settings");
    }
}
