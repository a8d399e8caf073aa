package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class GatehouseServerTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void answersHealthChecksOnAFreePort() throws Exception {
        try (GatehouseServer server = GatehouseServer.start(new ServerSettings("127.0.0.1", 0))) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(server.baseUri().resolve("/health")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(server.port()).isPositive();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
        }
    }

    @Test
    void listensOnExactlyOneConnectorWithTcpNoDelay() {
        try (GatehouseServer server = GatehouseServer.start(new ServerSettings("127.0.0.1", 0))) {
            assertThat(server.connectors()).singleElement()
                    .satisfies(connector -> assertThat(connector.getAcceptedTcpNoDelay()).isTrue());
        }
    }

    @Test
    void answersUnknownPathsWith404() throws Exception {
        try (GatehouseServer server = GatehouseServer.start(new ServerSettings("127.0.0.1", 0))) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(server.baseUri().resolve("/no-such-page")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void releasesThePortWhenClosed() throws IOException {
        GatehouseServer server = GatehouseServer.start(new ServerSettings("127.0.0.1", 0));
        int port = server.port();
        server.close();

        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void bracketsIpv6AddressesInItsUrl() {
        try (GatehouseServer server = GatehouseServer.start(new ServerSettings("::1", 0))) {
            assertThat(server.baseUri().toString()).isEqualTo("http://[::1]:" + server.port());
        }
    }

    @Test
    void rejectsPortsOutOfRange() {
        assertThatThrownBy(() -> new ServerSettings("127.0.0.1", 65_536))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 to 65535");
    }

    @Test
    void closesTheEndpointGroupsThatHoldResourcesAfterStopping() {
        AtomicBoolean closed = new AtomicBoolean();
        final class Holding implements Endpoints, AutoCloseable {
            @Override
            public void addTo(RoutesConfig routes) {
                routes.get("/holding", context -> context.result("open"));
            }

            @Override
            public void close() {
                closed.set(true);
            }
        }
        GatehouseServer server = GatehouseServer.start(new ServerSettings("127.0.0.1", 0), List.of(new Holding()));
        assertThat(closed).isFalse();

        server.close();

        assertThat(closed).isTrue();
    }
}
