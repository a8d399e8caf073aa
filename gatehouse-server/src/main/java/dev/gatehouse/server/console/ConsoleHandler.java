package dev.gatehouse.server.console;

/** One console route: a small function over the {@link ConsoleRequest}. */
@FunctionalInterface
public interface ConsoleHandler {

    void handle(ConsoleRequest request) throws Exception;
}
