package dev.gatehouse.bench.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.crypto.Argon2Parameters;
import dev.gatehouse.core.crypto.Password;
import dev.gatehouse.core.crypto.PasswordHasher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleSignInBenchmarkTest {

    private static final int USERS = 1_000;

    @TempDir
    Path data;

    @Test
    void signsUsersInWithPasswordAndMfaOverHttpAndSetsThemAgainstArgon2Alone() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        // A cheap hash keeps the test short. Each user signs in once per 30-second step, and the two
        // seconds of sign-ins here can reach several hundred on a quiet machine: 1,000 users leave room.
        ConsoleSignInBenchmark.Report report = ConsoleSignInBenchmark.run(data, new PasswordHasher(new Argon2Parameters(1024, 1, 1)),
                new ConsoleSignInBenchmark.Plan(List.of(1, 2), Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(1), 2, USERS),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(report.users()).isEqualTo(USERS);
        assertThat(report.waits()).isZero();
        assertThat(report.levels()).hasSize(2).allSatisfy(level -> {
            assertThat(level.signIns().errors()).as(String.valueOf(level.signIns().firstError())).isZero();
            assertThat(level.signIns().operations()).isPositive();
            assertThat(level.argon2().operations()).isPositive();
            assertThat(level.ratio()).isPositive();
            assertThat(level.signIns().cpuMillisEach()).isPositive();
            assertThat(level.signIns().workerCpuMillisEach()).as("the client's share").isPositive()
                    .isLessThan(level.signIns().cpuMillisEach());
        });
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("concurrency 2: sign-ins")
                .containsPattern("compiled the path with [1-9][0-9]* near-free sign-ins \\(0 errors;");
    }

    @Test
    void onAnAheadClockASmallPoolSignsInAgainAndAgainWithoutWaitingForTheNextStep() throws Exception {
        PasswordHasher nearFree = new PasswordHasher(new Argon2Parameters(8, 1, 1));
        AheadClock clock = new AheadClock();
        long started = System.nanoTime();
        try (SignInServer server = SignInServer.start(data, nearFree, nearFree.hash(Password.of(ConsoleSignInBenchmark.PASSWORD)),
                3, clock, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            ClosedLoop.Operation signIn = server.signIn();
            // Three rounds of three users: each round after the first needs a TOTP step of its own.
            for (int i = 0; i < 9; i++) {
                signIn.run();
            }
            assertThat(server.pool().waits()).as("sign-ins that found every user's step used").isPositive();
        }
        assertThat(clock.ahead()).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("time really waited").isLessThan(Duration.ofSeconds(30));
    }
}
