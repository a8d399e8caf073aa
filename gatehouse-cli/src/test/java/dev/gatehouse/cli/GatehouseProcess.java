package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the shaded jar as a separate process, as a user would ({@code java -jar gatehouse.jar …}),
 * with a clean environment apart from what the test gives, and no terminal. For integration
 * tests, which run after the package phase has built the jar.
 */
public final class GatehouseProcess {

    /** The {@code ./gatehouse} launcher at the repository root. */
    public static final Path LAUNCHER = Path.of("").toAbsolutePath().getParent().resolve("gatehouse");

    private static final Duration LIMIT = Duration.ofMinutes(1);

    private GatehouseProcess() {
    }

    /** The shaded jar, whose path failsafe passes in the {@code gatehouse.jar} system property. */
    public static Path jar() {
        String jar = System.getProperty("gatehouse.jar");
        assertThat(jar).as("the gatehouse.jar system property, set by failsafe").isNotNull();
        assertThat(Path.of(jar)).as("the shaded jar, built in the package phase").exists();
        return Path.of(jar);
    }

    /**
     * A process builder for {@code java -jar gatehouse.jar ARGUMENTS} in {@code workingDirectory},
     * with HOME there and no GATEHOUSE_ or XDG_ variables of the developer's own.
     */
    public static ProcessBuilder builder(Path workingDirectory, Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        Map<String, String> processEnvironment = builder.environment();
        processEnvironment.keySet().removeIf(name -> name.startsWith("GATEHOUSE_") || name.startsWith("XDG_"));
        processEnvironment.put("HOME", workingDirectory.toString());
        processEnvironment.putAll(environment);
        return builder;
    }

    /** Runs gatehouse to completion, within a minute. */
    public static Result run(Path workingDirectory, Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        return Result.of(builder(workingDirectory, environment, arguments), LIMIT);
    }

    /** Runs gatehouse to completion, within a minute, with {@code input} on its standard input. */
    public static Result runWithInput(Path workingDirectory, Map<String, String> environment, String input,
            String... arguments) throws IOException, InterruptedException {
        return Result.of(builder(workingDirectory, environment, arguments), LIMIT, input);
    }

    /** Runs a program other than ours, such as oathtool, and returns its standard output. */
    public static String runTool(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s exit status", command).isZero();
        return out.strip();
    }

    /** What a finished process printed and how it exited. */
    public record Result(int exitCode, String out, String err) {

        /** Runs {@code builder} with empty input and waits at most {@code limit}. */
        public static Result of(ProcessBuilder builder, Duration limit) throws IOException, InterruptedException {
            return of(builder, limit, "");
        }

        /** Runs {@code builder} with {@code input} on its standard input and waits at most {@code limit}. */
        public static Result of(ProcessBuilder builder, Duration limit, String input)
                throws IOException, InterruptedException {
            Path in = Files.writeString(Files.createTempFile("gatehouse-in", ".txt"), input, StandardCharsets.UTF_8);
            Path out = Files.createTempFile("gatehouse-out", ".txt");
            Path err = Files.createTempFile("gatehouse-err", ".txt");
            try {
                Process process = builder.redirectInput(ProcessBuilder.Redirect.from(in.toFile()))
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("did not finish within " + limit + ": " + builder.command());
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(in);
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        }
    }
}
