package dev.gatehouse.server;

import java.util.Objects;

/**
 * Where the HTTP server listens.
 *
 * @param host the interface to bind, a name or an address
 * @param port the TCP port; 0 picks a free one
 */
public record ServerSettings(String host, int port) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8750;

    public ServerSettings {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("the host cannot be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("the port must be from 0 to 65535, not " + port);
        }
    }
}
