package dev.gatehouse.cli.bootstrap;

import dev.gatehouse.cli.GatehouseCommand;
import dev.gatehouse.core.IdentityServices;
import dev.gatehouse.core.crypto.MasterKeySource;
import dev.gatehouse.store.jdbc.JdbcStore;
import dev.gatehouse.store.jdbc.StoreSettings;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;
import picocli.CommandLine;

/** Runs {@code gatehouse …} in this JVM through the real command line, and looks into the store it wrote. */
final class Gatehouse {

    private Gatehouse() {
    }

    /** Runs {@code gatehouse ARGUMENTS} with {@code input} on standard input. */
    static Result run(String input, String... arguments) {
        CommandLine commandLine = GatehouseCommand.commandLine(
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(arguments);
        return new Result(exitCode, out.toString(), err.toString());
    }

    /** Opens the embedded store in {@code dataDirectory} as the commands do, and asks it something. */
    static <T> T inspect(Path dataDirectory, Function<IdentityServices, T> question) {
        try (JdbcStore store = JdbcStore.open(StoreSettings.embedded(dataDirectory))) {
            return question.apply(IdentityServices.create(store, new MasterKeySource(dataDirectory).load(),
                    Clock.systemUTC()));
        }
    }

    record Result(int exitCode, String out, String err) {
    }
}
