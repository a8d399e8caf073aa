package dev.gatehouse.cli.authenticator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the shaded jar as a separate process, as a user would: {@code java -jar gatehouse.jar …},
 * with a clean environment apart from what the test gives, and no terminal.
 */
final class GatehouseProcess {

    private GatehouseProcess() {
    }

    static Path jar() {
        String jar = System.getProperty("gatehouse.jar");
        assertThat(jar).as("the gatehouse.jar system property, set by failsafe").isNotNull();
        assertThat(Path.of(jar)).as("the shaded jar, built in the package phase").exists();
        return Path.of(jar);
    }

    static Result run(Path workingDirectory, Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        Map<String, String> processEnvironment = builder.environment();
        // Only what the test says: nothing from the developer's own vault setup leaks in.
        processEnvironment.keySet().removeIf(name -> name.startsWith("GATEHOUSE_") || name.startsWith("XDG_"));
        processEnvironment.put("HOME", workingDirectory.toString());
        processEnvironment.putAll(environment);
        Path out = Files.createTempFile(workingDirectory, "out", ".txt");
        Path err = Files.createTempFile(workingDirectory, "err", ".txt");
        Process process = builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished within a minute").isTrue();
        Result result = new Result(process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return result;
    }

    /** Runs a program other than ours, such as oathtool, and returns its standard output. */
    static String runTool(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s exit status", command).isZero();
        return out.strip();
    }

    record Result(int exitCode, String out, String err) {
    }
}
