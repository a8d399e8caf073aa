package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gatehouse serve} as a user runs it: a separate JVM, a real port, a real SIGTERM. */
class ServeCommandIT {

    private static final Pattern LISTENING = Pattern.compile("Gatehouse listening on (http://127\\.0\\.0\\.1:(\\d+))");

    @TempDir
    Path workingDirectory;

    @Test
    void startsOnAFreePortAnswersHealthAndStopsCleanlyOnSigterm() throws Exception {
        Path stderr = workingDirectory.resolve("stderr.txt");
        Process process = GatehouseProcess.builder(workingDirectory, Map.of(), "serve", "--port", "0")
                .redirectError(stderr.toFile())
                .start();
        try {
            URI baseUri = awaitListening(process);

            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(baseUri.resolve("/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);

            process.destroy(); // SIGTERM
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
            // 128 + 15: the JVM's status after running its shutdown hooks on SIGTERM.
            assertThat(process.exitValue()).isEqualTo(143);
            assertThat(Files.readString(stderr)).contains("Gatehouse stopped").doesNotContain("Exception");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void servesTheConsoleFromTheRunnableJarWithSignUpTurnedOff() throws Exception {
        Process process = GatehouseProcess.builder(workingDirectory, Map.of(), "serve", "--port", "0", "--no-sign-up")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            URI baseUri = awaitListening(process);
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> root = http.send(HttpRequest.newBuilder(baseUri.resolve("/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(root.statusCode()).isEqualTo(302);
            assertThat(root.headers().firstValue("Location")).contains("/console/");
            // The precompiled templates and the static assets made it into the shaded jar.
            HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(baseUri.resolve("/console/signin")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.statusCode()).isEqualTo(200);
            assertThat(signIn.body()).contains("<form method=\"post\" action=\"/console/signin\"");
            HttpResponse<String> css = http.send(HttpRequest.newBuilder(baseUri.resolve("/console/static/console.css")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(css.statusCode()).isEqualTo(200);
            HttpResponse<String> signUp = http.send(HttpRequest.newBuilder(baseUri.resolve("/console/signup")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(signUp.statusCode()).isEqualTo(403);
            assertThat(signUp.body()).contains("Sign-up is turned off");
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void createsTheDefaultDataDirectoryReadableOnlyByItsOwner() throws Exception {
        Process process = GatehouseProcess.builder(workingDirectory, Map.of(), "serve", "--port", "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            awaitListening(process);

            Path data = workingDirectory.resolve("gatehouse-data");
            assertThat(data).isDirectory();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void reportsAPortInUseAsAnErrorWithoutAStackTrace() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            GatehouseProcess.Result result = GatehouseProcess.run(workingDirectory, Map.of(),
                    "serve", "--port", String.valueOf(taken.getLocalPort()));

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).contains("gatehouse: cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void rejectsAPortOutOfRangeAsAUsageError() throws Exception {
        GatehouseProcess.Result result = GatehouseProcess.run(workingDirectory, Map.of(),
                "serve", "--port", "70000");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("the port must be from 0 to 65535");
    }

    @Test
    void failsFastOnADatabaseUrlItCannotUse() throws Exception {
        GatehouseProcess.Result result = GatehouseProcess.run(workingDirectory, Map.of(),
                "serve", "--port", "0", "--database", "jdbc:mysql://db.internal/iam?password=hunter2");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).doesNotContain("listening");
        assertThat(result.err()).isEqualTo("gatehouse: --database: unsupported database URL (expected"
                + " jdbc:postgresql://HOST[:PORT]/DB or jdbc:sqlite:FILE): jdbc:mysql://db.internal/iam?…\n");
    }

    @Test
    void failsFastWhenPostgresDoesNotAnswer() throws Exception {
        GatehouseProcess.Result result = GatehouseProcess.run(workingDirectory, Map.of(),
                "serve", "--port", "0", "--database", "jdbc:postgresql://127.0.0.1:1/gatehouse");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).doesNotContain("listening");
        assertThat(result.err()).contains("gatehouse: cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/gatehouse")
                .doesNotContain("\tat ");
    }

    @Test
    void theLauncherRunsFromAnyWorkingDirectory() throws Exception {
        ProcessBuilder launcher = new ProcessBuilder(GatehouseProcess.LAUNCHER.toString(), "--version")
                .directory(workingDirectory.toFile());
        GatehouseProcess.Result result = GatehouseProcess.Result.of(launcher, Duration.ofMinutes(5));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("gatehouse ");
    }

    private static URI awaitListening(Process process) throws Exception {
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        // readLine blocks until the server prints its first line; the test's own timeout bounds it.
        String line = stdout.readLine();
        assertThat(line).as("first line of serve's output").isNotNull();
        Matcher matcher = LISTENING.matcher(line);
        assertThat(matcher.matches()).as("'%s' announces the address", line).isTrue();
        assertThat(Integer.parseInt(matcher.group(2))).isPositive();
        return URI.create(matcher.group(1));
    }
}
