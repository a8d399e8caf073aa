package dev.gatehouse.cli.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the {@code $ gatehouse …} examples of the README's bootstrap section, in order, on one data
 * directory, and checks that each prints what the page shows. IDs, keys, secrets and times are random
 * or the time of the run, so digits and those values are compared by form.
 */
class BootstrapDocumentationTest {

    private static final Path PAGE = Path.of("..", "README.md");
    private static final String SECTION = "## Bootstrap without the console";
    private static final String PASSWORD_PIPE = "printf '%s\\n' \"$ROOT_PASSWORD\" | ";

    @TempDir
    Path data;

    @Test
    void everyExampleOfTheSectionPrintsWhatThePageShows() throws IOException {
        List<Example> examples = examples(Files.readAllLines(PAGE, StandardCharsets.UTF_8));
        assertThat(examples).hasSizeGreaterThanOrEqualTo(4);

        for (Example example : examples) {
            String command = example.command();
            String input = "";
            if (command.startsWith(PASSWORD_PIPE)) {
                command = command.substring(PASSWORD_PIPE.length());
                input = "Correct-Horse-7-Battery\n";
            }
            List<String> words = new ArrayList<>(List.of(command.split(" ")));
            assertThat(words.remove(0)).as("an example that is not a gatehouse command: %s", command)
                    .isEqualTo("gatehouse");
            words.addAll(List.of("--data", data.toString()));

            Gatehouse.Result result = Gatehouse.run(input, words.toArray(String[]::new));

            assertThat(byForm(result.out() + result.err())).as(example.command()).isEqualTo(byForm(example.output()));
        }
    }

    /** The text with what differs from run to run replaced by its form. */
    private static String byForm(String text) {
        return text.replaceAll("\"AKIA[A-Z0-9]{16}\"", "\"AKIA…\"")
                .replaceAll("\"SecretAccessKey\": \"[A-Za-z0-9/+]{40}\"", "\"SecretAccessKey\": \"…\"")
                .replaceAll("k[0-9a-f]{16}", "k…")
                .replaceAll("\\d", "0")
                .strip();
    }

    private static List<Example> examples(List<String> page) {
        int start = page.indexOf(SECTION);
        assertThat(start).as("the README has the section %s", SECTION).isNotNegative();
        List<Example> examples = new ArrayList<>();
        String command = null;
        StringBuilder output = new StringBuilder();
        for (String line : page.subList(start + 1, page.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            boolean endOfBlock = line.equals("```");
            if (command != null && (line.startsWith("$ ") || endOfBlock)) {
                examples.add(new Example(command, output.toString()));
                command = null;
                output.setLength(0);
            }
            if (line.startsWith("$ ")) {
                command = line.substring(2);
            } else if (command != null) {
                output.append(line).append('\n');
            }
        }
        return examples;
    }

    private record Example(String command, String output) {
    }
}
