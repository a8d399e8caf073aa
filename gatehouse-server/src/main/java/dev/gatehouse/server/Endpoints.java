package dev.gatehouse.server;

import io.javalin.config.RoutesConfig;

/** A group of routes the server serves, such as the query API or the console. */
@FunctionalInterface
public interface Endpoints {

    void addTo(RoutesConfig routes);
}
