package dev.gatehouse.cli.authenticator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every {@code $ gatehouse …} example of the README's authenticator section, in order, and checks that
 * it prints what the page shows, so the documentation cannot drift from the command.
 *
 * <p>The examples run in this JVM with the clock at {@link Authenticator#NOW}, the vault in a
 * test directory shown as {@code ~/.config/gatehouse/authenticator.vault}, and image files in
 * the test directory. {@code export NAME=VALUE} lines set the environment; a {@code NAME=VALUE}
 * prefix sets it for one command.
 */
class AuthenticatorDocumentationTest {

    private static final Path PAGE = Path.of("..", "README.md");
    private static final String SECTION = "## The authenticator";

    @TempDir
    Path home;

    @Test
    void everyExampleOnThePagePrintsWhatThePageShows() throws IOException {
        Map<String, String> environment = new HashMap<>();
        environment.put("GATEHOUSE_VAULT", home.resolve(".config/gatehouse/authenticator.vault").toString());
        List<Example> examples = examples(section(Files.readAllLines(PAGE, StandardCharsets.UTF_8)));
        assertThat(examples).hasSizeGreaterThan(10);

        for (Example example : examples) {
            List<String> words = words(example.command());
            Map<String, String> commandEnvironment = new HashMap<>(environment);
            while (!words.isEmpty() && words.get(0).matches("[A-Z_]+=.*")) {
                String assignment = words.remove(0);
                commandEnvironment.put(assignment.substring(0, assignment.indexOf('=')), assignment.substring(assignment.indexOf('=') + 1));
            }
            if (words.get(0).equals("export")) {
                String assignment = words.get(1);
                environment.put(assignment.substring(0, assignment.indexOf('=')), assignment.substring(assignment.indexOf('=') + 1));
                continue;
            }
            assertThat(words.get(0)).as("an example that is not a gatehouse command: %s", example.command()).isEqualTo("gatehouse");
            String[] arguments = words.subList(1, words.size()).stream()
                    .map(word -> word.endsWith(".png") ? home.resolve(word).toString() : word)
                    .toArray(String[]::new);

            Authenticator.Result result = new Authenticator(home.resolve("unused"), null)
                    .withEnvironment(commandEnvironment).runExactly(arguments);

            String printed = (result.out() + result.err())
                    .replace(home + "/.config", "~/.config")
                    .replace(home + "/", "")
                    .replace(System.lineSeparator(), "\n");
            assertThat(printed).as("$ %s", example.command()).isEqualTo(example.output());
        }
    }

    record Example(String command, String output) {
    }

    /** The lines from the authenticator's heading to the next heading of the same level. */
    static List<String> section(List<String> lines) {
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(SECTION)) {
                start = i;
            } else if (start >= 0 && lines.get(i).startsWith("## ")) {
                return lines.subList(start, i);
            }
        }
        assertThat(start).as("the README has a section '%s'", SECTION).isNotNegative();
        return lines.subList(start, lines.size());
    }

    /** The commands ({@code $ …}) of the console blocks, each with the lines after it. */
    static List<Example> examples(List<String> lines) {
        List<Example> examples = new ArrayList<>();
        boolean inConsole = false;
        String command = null;
        StringBuilder output = new StringBuilder();
        for (String line : lines) {
            if (!inConsole) {
                inConsole = line.equals("```console");
                continue;
            }
            if (line.equals("```") || line.startsWith("$ ")) {
                if (command != null) {
                    examples.add(new Example(command, output.toString()));
                }
                command = line.equals("```") ? null : line.substring(2);
                output.setLength(0);
                inConsole = !line.equals("```");
                continue;
            }
            output.append(line).append('\n');
        }
        return examples;
    }

    /** Splits a command line into words as a POSIX shell does for plain, 'single' and "double" quoting. */
    static List<String> words(String commandLine) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : commandLine.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        assertThat(quote).as("unbalanced quotes in: %s", commandLine).isEqualTo((char) 0);
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
