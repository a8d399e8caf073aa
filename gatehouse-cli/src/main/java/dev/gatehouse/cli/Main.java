package dev.gatehouse.cli;

import picocli.CommandLine;

/** Entry point of the runnable jar: {@code java -jar gatehouse.jar COMMAND …}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(GatehouseCommand.commandLine().execute(args));
    }

    /** Runs the command in this JVM and returns its exit status; for tests. */
    public static int run(CommandLine commandLine, String... args) {
        return commandLine.execute(args);
    }
}
