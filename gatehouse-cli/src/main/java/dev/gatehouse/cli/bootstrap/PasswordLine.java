package dev.gatehouse.cli.bootstrap;

import dev.gatehouse.cli.CliException;
import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A password given on standard input: one line, so that {@code echo "$PASSWORD" | gatehouse …} and
 * a here-document both work and the password never appears in the process list. At a terminal it is
 * read without echo.
 */
final class PasswordLine {

    private PasswordLine() {
    }

    /**
     * The first line of {@code input} without its line ending.
     *
     * @throws CliException if the line is empty or there is none
     */
    static String read(InputStream input, String what) {
        String line = input == System.in && System.console() != null ? fromConsole(System.console(), what)
                : firstLine(input);
        if (line == null || line.isEmpty()) {
            throw new CliException("no " + what + " on standard input: give it as one line");
        }
        return line;
    }

    private static String fromConsole(Console console, String what) {
        char[] typed = console.readPassword("%s: ", what);
        return typed == null ? null : new String(typed);
    }

    /** Reads byte by byte so that nothing after the line is consumed; a password is short. */
    private static String firstLine(InputStream input) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int next;
            while ((next = input.read()) != -1 && next != '\n') {
                line.write(next);
            }
            if (next == -1 && line.size() == 0) {
                return null;
            }
        } catch (IOException e) {
            throw new CliException("cannot read standard input: " + e.getMessage(), e);
        }
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
