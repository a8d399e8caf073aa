package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Each way opening the store can fail is one line the operator can act on, exit status 1. */
class StorageOptionsTest {

    @TempDir
    Path temporary;

    @Test
    void rejectsADatabaseUrlOfAnotherKindNamingTheAcceptedForms() {
        Result result = run("keys", "rotate", "--data", temporary.toString(), "--database", "jdbc:mysql://db/iam");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("gatehouse: --database: unsupported database URL (expected"
                + " jdbc:postgresql://HOST[:PORT]/DB or jdbc:sqlite:FILE): jdbc:mysql://db/iam\n");
    }

    @Test
    void reportsAnUnreachablePostgresInOneLineWithoutItsPassword() {
        Result result = run("keys", "rotate", "--data", temporary.toString(),
                "--database", "jdbc:postgresql://127.0.0.1:1/gatehouse?user=u&password=hunter2");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("gatehouse: cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/gatehouse?…: Connection to"
                + " 127.0.0.1:1 refused.")
                .hasLineCount(1).doesNotContain("hunter2");
    }

    @Test
    void reportsAMasterKeyFileItCannotReadInOneLine() throws Exception {
        Files.createDirectories(temporary.resolve("master.keys"));

        Result result = run("keys", "rotate", "--data", temporary.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("gatehouse: cannot read or create the master key file "
                + temporary.resolve("master.keys")).hasLineCount(1);
    }

    @Test
    void reportsAMalformedMasterKeyInOneLine() throws Exception {
        Files.writeString(temporary.resolve("master.keys"), "not a key\n");

        Result result = run("keys", "rotate", "--data", temporary.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("gatehouse: cannot load the master keys: a master key in "
                + temporary.resolve("master.keys") + " is not Base64\n");
    }

    @Test
    void reportsADataDirectoryThatIsAFile() throws Exception {
        Path file = Files.createFile(temporary.resolve("data"));

        Result result = run("keys", "rotate", "--data", file.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("gatehouse: the data directory " + file + " exists and is not a directory\n");
    }

    private static Result run(String... arguments) {
        CommandLine commandLine = GatehouseCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return new Result(commandLine.execute(arguments), out.toString(), err.toString());
    }

    private record Result(int exitCode, String out, String err) {
    }
}
