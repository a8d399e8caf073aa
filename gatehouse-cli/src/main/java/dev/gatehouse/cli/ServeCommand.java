package dev.gatehouse.cli;

import dev.gatehouse.core.IdentityServices;
import dev.gatehouse.core.authz.Authorizer;
import dev.gatehouse.core.authz.InterimAuthorizer;
import dev.gatehouse.server.GatehouseServer;
import dev.gatehouse.server.ServerSettings;
import dev.gatehouse.server.api.GatehouseApi;
import dev.gatehouse.server.console.ConsoleEndpoints;
import dev.gatehouse.server.console.ConsoleSettings;
import dev.gatehouse.server.metrics.MetricsEndpoint;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gatehouse serve}: opens the store, then runs the server until SIGTERM or Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the Gatehouse server on the embedded store in --data, or on PostgreSQL with --database.")
public final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = ServerSettings.DEFAULT_HOST,
            description = "Interface to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "" + ServerSettings.DEFAULT_PORT,
            description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--no-sign-up", negatable = false,
            description = "Turn off the console's sign-up page: accounts are made with `gatehouse account create` only.")
    boolean noSignUp;

    @Mixin
    StorageOptions storageOptions;

    /** The domain services over the open store, set once the store is open; what the API is wired to. */
    volatile IdentityServices services;

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings;
        try {
            settings = new ServerSettings(host, port);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        // The store opens first: a wrong --database fails before anything listens.
        Storage storage = storageOptions.open();
        services = storage.services();
        GatehouseServer server;
        try {
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            // One authorizer for the API and the console, so the console can do nothing the API forbids.
            Authorizer authorizer = new InterimAuthorizer();
            server = GatehouseServer.start(settings, List.of(
                    GatehouseApi.endpoints(services, authorizer, metrics),
                    new MetricsEndpoint(metrics),
                    new ConsoleEndpoints(services, authorizer, ConsoleSettings.DEFAULT.withSignUp(!noSignUp))));
        } catch (RuntimeException e) {
            storage.close();
            throw new CliException("cannot listen on " + host + ":" + port + ": " + StorageOptions.rootMessage(e), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping");
            // The server first, so that no request is left holding a closed store.
            server.close();
            storage.close();
            LOG.info("Gatehouse stopped");
            stopped.countDown();
        }, "gatehouse-shutdown"));
        LOG.info("Data directory {}", storage.dataDirectory().toAbsolutePath());
        PrintWriter out = spec.commandLine().getOut();
        out.println("Gatehouse listening on " + server.baseUri());
        out.flush();
        stopped.await();
        return 0;
    }
}
