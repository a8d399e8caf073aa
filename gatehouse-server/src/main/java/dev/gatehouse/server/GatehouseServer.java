package dev.gatehouse.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running HTTP server: Javalin on Jetty, bound to one host and port. */
public final class GatehouseServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GatehouseServer.class);

    private final Javalin app;
    private final String host;
    private final List<Endpoints> endpoints;

    private GatehouseServer(Javalin app, String host, List<Endpoints> endpoints) {
        this.app = app;
        this.host = host;
        this.endpoints = endpoints;
    }

    /** Starts a server with nothing but its health check; for tests of the server itself. */
    public static GatehouseServer start(ServerSettings settings) {
        return start(settings, List.of());
    }

    /** Starts the server with {@code endpoints} and returns once it accepts connections. */
    public static GatehouseServer start(ServerSettings settings, List<Endpoints> endpoints) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.addConnector((server, httpConfiguration) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(httpConfiguration));
                connector.setHost(settings.host());
                connector.setPort(settings.port());
                // Responses are small and written whole; Nagle's algorithm would only hold them back
                // waiting for the client's delayed ACK.
                connector.setAcceptedTcpNoDelay(true);
                return connector;
            });
            config.routes.get("/health", GatehouseServer::health);
            endpoints.forEach(group -> group.addTo(config.routes));
            List<Handler> ahead = endpoints.stream().flatMap(group -> group.ahead().stream()).toList();
            if (!ahead.isEmpty()) {
                config.jetty.modifyServer(server -> putAheadOfJavalin(server, ahead));
            }
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            closeEndpoints(endpoints);
            throw e;
        }
        return new GatehouseServer(app, settings.host(), List.copyOf(endpoints));
    }

    /**
     * Puts {@code handlers} in a sequence that Javalin then appends its own servlet handler to, so
     * that a request none of them answers goes on to Javalin's routes.
     */
    private static void putAheadOfJavalin(Server server, List<Handler> handlers) {
        Handler.Sequence sequence = new Handler.Sequence(handlers);
        // Javalin's default server wraps everything in a StatisticsHandler with nothing inside yet.
        if (server.getHandler() instanceof Handler.Wrapper wrapper && wrapper.getHandler() == null) {
            wrapper.setHandler(sequence);
        } else if (server.getHandler() == null) {
            server.setHandler(sequence);
        } else {
            throw new IllegalStateException("unexpected Jetty handler " + server.getHandler());
        }
    }

    private static void health(Context context) {
        context.contentType("application/json").result("{\"status\":\"ok\"}");
    }

    /** The port actually bound, which differs from the requested one when that was 0. */
    public int port() {
        return serverConnectors().findFirst().orElseThrow().getLocalPort();
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:8750}. */
    public URI baseUri() {
        String literal = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + literal + ":" + port());
    }

    List<ServerConnector> connectors() {
        return serverConnectors().toList();
    }

    private Stream<ServerConnector> serverConnectors() {
        Connector[] connectors = app.jettyServer().server().getConnectors();
        return Stream.of(connectors).filter(ServerConnector.class::isInstance).map(ServerConnector.class::cast);
    }

    /**
     * Stops accepting connections, finishes requests in flight and releases the port, then closes
     * the endpoint groups that hold resources of their own (the API's recorder of key uses, which
     * writes its last second of uses).
     */
    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            closeEndpoints(endpoints);
        }
    }

    private static void closeEndpoints(List<Endpoints> endpoints) {
        for (Endpoints group : endpoints) {
            if (group instanceof AutoCloseable resource) {
                try {
                    resource.close();
                } catch (Exception e) {
                    LOG.error("Closing {} failed", group, e);
                }
            }
        }
    }
}
