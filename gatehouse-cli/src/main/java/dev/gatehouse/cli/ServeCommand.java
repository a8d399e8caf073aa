package dev.gatehouse.cli;

import dev.gatehouse.server.GatehouseServer;
import dev.gatehouse.server.ServerSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gatehouse serve}: runs the server until SIGTERM or Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the Gatehouse server on the embedded default store.")
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

    @Mixin
    DataOptions data;

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings;
        try {
            settings = new ServerSettings(host, port);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Path dataDirectory = data.createDataDirectory();
        GatehouseServer server;
        try {
            server = GatehouseServer.start(settings);
        } catch (RuntimeException e) {
            throw new CliException("cannot listen on " + host + ":" + port + ": " + rootMessage(e), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping");
            server.close();
            LOG.info("Gatehouse stopped");
            stopped.countDown();
        }, "gatehouse-shutdown"));
        LOG.info("Data directory {}", dataDirectory.toAbsolutePath());
        PrintWriter out = spec.commandLine().getOut();
        out.println("Gatehouse listening on " + server.baseUri());
        out.flush();
        stopped.await();
        return 0;
    }

    private static String rootMessage(Throwable throwable) {
        Throwable root = throwable;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
