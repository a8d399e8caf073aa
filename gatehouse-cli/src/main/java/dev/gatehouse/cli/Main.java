package dev.gatehouse.cli;

/** Entry point of the runnable jar: {@code java -jar gatehouse.jar COMMAND …}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(GatehouseCommand.commandLine().execute(args));
    }
}
