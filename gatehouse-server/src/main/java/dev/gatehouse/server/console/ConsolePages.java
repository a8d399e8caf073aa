package dev.gatehouse.server.console;

/** A group of console pages (sign-in, the dashboard, users...) that adds its routes. */
@FunctionalInterface
public interface ConsolePages {

    void addTo(ConsoleRoutes routes);
}
