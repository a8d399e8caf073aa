package dev.gatehouse.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built runnable jar, or the ./gatehouse launcher, as a separate process for integration tests. */
final class GatehouseProcess {

    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path JAR = MODULE.resolve("target/gatehouse.jar");
    static final Path LAUNCHER = MODULE.getParent().resolve("gatehouse");

    private GatehouseProcess() {
    }

    /** A process builder for {@code java -jar gatehouse.jar ARGS} in {@code workingDirectory}. */
    static ProcessBuilder jar(Path workingDirectory, String... args) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workingDirectory.toFile());
    }

    /** Runs the jar to completion; fails the test if it takes longer than {@code limit}. */
    static Result run(Path workingDirectory, Map<String, String> environment, Duration limit, String... args)
            throws IOException, InterruptedException {
        ProcessBuilder builder = jar(workingDirectory, args);
        builder.environment().putAll(environment);
        return Result.of(builder, limit);
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** What a finished process printed and how it exited. */
    record Result(int exitCode, String stdout, String stderr) {

        static Result of(ProcessBuilder builder, Duration limit) throws IOException, InterruptedException {
            Path out = Files.createTempFile("gatehouse-out", ".txt");
            Path err = Files.createTempFile("gatehouse-err", ".txt");
            try {
                Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                        .start();
                if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("gatehouse did not finish within " + limit + ": " + builder.command());
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        }
    }
}
