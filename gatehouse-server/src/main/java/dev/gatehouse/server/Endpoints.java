package dev.gatehouse.server;

import io.javalin.config.RoutesConfig;
import java.util.Optional;
import org.eclipse.jetty.server.Handler;

/** A group of routes the server serves, such as the query API or the console. */
@FunctionalInterface
public interface Endpoints {

    void addTo(RoutesConfig routes);

    /**
     * A Jetty handler that sees each request before Javalin does and answers those that are its
     * own (returning false for the rest): for a hot path that should not pay for the servlet layer.
     */
    default Optional<Handler> ahead() {
        return Optional.empty();
    }
}
