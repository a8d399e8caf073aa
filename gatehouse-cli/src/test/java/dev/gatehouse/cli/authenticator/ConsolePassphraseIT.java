package dev.gatehouse.cli.authenticator;

import dev.gatehouse.cli.GatehouseProcess;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.ExternalTool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The passphrase typed on a terminal: the jar runs under {@code script}, which gives it a
 * pseudo-terminal, and the test answers each prompt as it appears, as a person would.
 */
@Timeout(120)
class ConsolePassphraseIT {

    private static final String PASSPHRASE = "typed on the terminal";

    @TempDir
    Path directory;

    @Test
    void asksTwiceWithoutEchoWhenCreatingAVaultThenOnceToOpenIt() throws Exception {
        Path vault = directory.resolve("tty.vault");

        try (Terminal created = Terminal.start(vault, "add", "aws", "--secret", "JBSWY3DPEHPK3PXP")) {
            created.answer("New passphrase for " + vault + ": ", PASSPHRASE);
            created.answer("Repeat the passphrase: ", PASSPHRASE);
            String rest = created.finish(0);

            assertThat(rest).contains("added 'aws'");
            assertThat(created.transcript()).doesNotContain(PASSPHRASE);
        }
        try (Terminal opened = Terminal.start(vault, "code", "aws", "--at", "59")) {
            opened.answer("Passphrase for " + vault + ": ", PASSPHRASE);

            assertThat(opened.finish(0)).contains("996554", "valid for 1 more second");
            assertThat(opened.transcript()).doesNotContain(PASSPHRASE);
        }
    }

    @Test
    void createsNoVaultWhenTheTwoPassphrasesDiffer() throws Exception {
        Path vault = directory.resolve("tty.vault");

        try (Terminal terminal = Terminal.start(vault, "add", "aws", "--secret", "JBSWY3DPEHPK3PXP")) {
            terminal.answer("New passphrase for " + vault + ": ", PASSPHRASE);
            terminal.answer("Repeat the passphrase: ", "a typo");

            assertThat(terminal.finish(1)).contains("gatehouse: the passphrases differ; no vault was created");
        }
        assertThat(vault).doesNotExist();
    }

    /** {@code gatehouse authenticator …} on a pseudo-terminal, without GATEHOUSE_VAULT_PASSPHRASE. */
    private static final class Terminal implements AutoCloseable {

        private final Process process;
        private final InputStream output;
        private final OutputStream input;
        private final ByteArrayOutputStream transcript = new ByteArrayOutputStream();

        private Terminal(Process process) {
            this.process = process;
            this.output = process.getInputStream();
            this.input = process.getOutputStream();
        }

        static Terminal start(Path vault, String... arguments) throws IOException {
            Path script = ExternalTool.require("script", "bsdutils");
            StringBuilder command = new StringBuilder(quote(Path.of(System.getProperty("java.home"), "bin", "java").toString()))
                    .append(" -jar ").append(quote(GatehouseProcess.jar().toString())).append(" authenticator");
            for (String argument : arguments) {
                command.append(' ').append(quote(argument));
            }
            ProcessBuilder builder = new ProcessBuilder(List.of(script.toString(), "-qec", command.toString(), "/dev/null"))
                    .redirectErrorStream(true);
            builder.environment().keySet().removeIf(name -> name.startsWith("GATEHOUSE_"));
            builder.environment().put("GATEHOUSE_VAULT", vault.toString());
            return new Terminal(builder.start());
        }

        /** Waits for {@code prompt}, then types {@code answer} and Enter. */
        void answer(String prompt, String answer) throws IOException {
            readUntil(prompt);
            input.write((answer + "\n").getBytes(StandardCharsets.UTF_8));
            input.flush();
        }

        /** The output after the last prompt, once the command exited with {@code exitCode}. */
        String finish(int exitCode) throws IOException, InterruptedException {
            int start = transcript.size();
            output.transferTo(transcript);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("exit status; transcript: %s", transcript()).isEqualTo(exitCode);
            return transcript().substring(start);
        }

        String transcript() {
            return transcript.toString(StandardCharsets.UTF_8);
        }

        private void readUntil(String expected) throws IOException {
            while (!transcript().contains(expected)) {
                int next = output.read();
                assertThat(next).as("output ended before '%s'; transcript: %s", expected, transcript()).isNotNegative();
                transcript.write(next);
            }
        }

        private static String quote(String word) {
            return "'" + word.replace("'", "'\\''") + "'";
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
