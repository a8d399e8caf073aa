package dev.gatehouse.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder: serve is being built. */
@Command(name = "serve", description = "Run the Gatehouse server.")
public final class ServeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
