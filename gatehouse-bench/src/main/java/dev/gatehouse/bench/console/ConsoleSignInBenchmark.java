package dev.gatehouse.bench.console;

import dev.gatehouse.core.crypto.Argon2Parameters;
import dev.gatehouse.core.crypto.Password;
import dev.gatehouse.core.crypto.PasswordHash;
import dev.gatehouse.core.crypto.PasswordHasher;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Console sign-in with password and MFA over HTTP against Argon2id alone, in one run on the same cores.
 * Argon2id verification is what a sign-in cannot avoid (the password must be checked), so the sign-ins
 * per second are set against the verifications per second the same hasher allows, at each concurrency.
 *
 * <p>The run: sign-ins with near-free hashing on a scratch server, so that the JIT has compiled the
 * path before anything is timed (see {@code --compile-warmup}); a short measure of Argon2id alone (a verify of a stored hash, with the server's
 * parameters) that sizes the pool of users; on a fresh SQLite store in {@code --data} (a temporary
 * directory by default), enough IAM users with passwords and enabled virtual MFA devices that none
 * waits for a new TOTP step (made through the domain services before the server starts); a Gatehouse
 * server in this JVM, wired as {@code gatehouse serve} wires it, on a loopback port; then, at each
 * concurrency, a warm-up of each, then Argon2id alone and the sign-ins through HTTP in turns
 * ({@code --rounds} stretches of each, sharing {@code --duration}), so that the two figures compared
 * were taken under the same load, and a drift in the machine's speed moves both alike.
 *
 * <pre>
 * java -cp gatehouse-bench/target/benchmarks.jar dev.gatehouse.bench.console.ConsoleSignInBenchmark
 * </pre>
 */
@Command(name = "console-sign-in", mixinStandardHelpOptions = true,
        description = "Console sign-ins (password + MFA, over HTTP) per second against Argon2id alone.")
public final class ConsoleSignInBenchmark implements Callable<Integer> {

    static final String PASSWORD = "Correct-Horse-Battery-9";
    /** Argon2id at its smallest: hashing takes microseconds, so the compile warm-up exercises the rest of the path. */
    private static final Argon2Parameters NEAR_FREE = new Argon2Parameters(8, 1, 1);
    /** Users of the compile warm-up: its clock moves to the next TOTP step whenever all of them have signed in. */
    private static final int WARMUP_USERS = 200;
    /** How long one code stays unusable for its device, plus the margin a user needs to come round again. */
    private static final Duration REUSE_AFTER = Duration.ofSeconds(40);

    @Option(names = "--concurrency", split = ",", defaultValue = "1,8", description = "Levels to run (default: ${DEFAULT-VALUE}).")
    List<Integer> concurrencyLevels;

    @Option(names = "--compile-warmup", defaultValue = "20",
            description = "Seconds of sign-ins with near-free hashing on a scratch server first, so that the JIT has compiled"
                    + " the path before anything is measured; 0 for none (default: ${DEFAULT-VALUE}).")
    int compileWarmupSeconds;

    @Option(names = "--warmup", defaultValue = "5", description = "Seconds of warm-up per level (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--duration", defaultValue = "15", description = "Seconds measured per level (default: ${DEFAULT-VALUE}).")
    int durationSeconds;

    @Option(names = "--rounds", defaultValue = "5",
            description = "Turns of Argon2id alone and sign-ins that share each level's --duration (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--users", description = "Users to prepare (default: enough for the Argon2id rate measured, so that no sign-in waits).")
    Integer users;

    @Option(names = "--data", description = "Directory of the SQLite store (default: a new temporary directory).")
    Path data;

    @Option(names = "--argon2", split = ",", paramLabel = "KIB,PASSES,LANES",
            description = "Other Argon2id parameters than the server's (OWASP's 19456,2,1), to see what the rest of the path costs.")
    List<Integer> argon2;

    /** The parameters of each stretch. */
    record Plan(List<Integer> concurrencyLevels, Duration compileWarmup, Duration warmup, Duration duration, int rounds,
            Integer users) {
    }

    /** One level's sign-ins, with Argon2id alone at the same concurrency. */
    record Level(ClosedLoop.Result signIns, ClosedLoop.Result argon2) {

        double ratio() {
            return signIns.perSecond() / argon2.perSecond();
        }
    }

    /** What a run measured. */
    record Report(int users, long waits, List<Level> levels) {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ConsoleSignInBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path directory = data != null ? data : Files.createTempDirectory("gatehouse-sign-in-bench-");
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "load average before: %.2f, %d cores%n", loadAverage(), Runtime.getRuntime().availableProcessors());
        PasswordHasher hasher = argon2 == null ? new PasswordHasher()
                : new PasswordHasher(new Argon2Parameters(argon2.get(0), argon2.get(1), argon2.get(2)));
        Report report = run(directory, hasher, new Plan(concurrencyLevels, Duration.ofSeconds(compileWarmupSeconds),
                Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(durationSeconds), rounds, users), out);
        out.printf(Locale.ROOT, "load average after: %.2f%n", loadAverage());
        return report.waits() == 0 && report.levels().stream().allMatch(level -> level.signIns().errors() == 0) ? 0 : 1;
    }

    /**
     * Measures Argon2id with {@code hasher}, prepares the users on a store in {@code directory}, serves
     * it with the same hasher and measures the sign-ins; prints each figure to {@code out} as it comes.
     */
    static Report run(Path directory, PasswordHasher hasher, Plan plan, PrintStream out) throws InterruptedException, IOException {
        out.printf(Locale.ROOT, "Argon2id m=%d KiB t=%d p=%d%n", hasher.parameters().memoryKib(), hasher.parameters().iterations(),
                hasher.parameters().parallelism());
        PasswordHash stored = hasher.hash(Password.of(PASSWORD));
        Password typed = Password.of(PASSWORD);
        ClosedLoop.Operation argon2 = () -> verify(hasher, typed, stored);
        int widest = plan.concurrencyLevels().stream().mapToInt(Integer::intValue).max().orElse(1);
        int size;
        if (plan.users() != null) {
            size = plan.users();
        } else {
            // Sign-ins cannot outrun Argon2id alone at full concurrency; twice its rate leaves room for noise.
            ClosedLoop.Result calibration = ClosedLoop.run("argon2id", widest, Duration.ofSeconds(3), argon2);
            size = (int) Math.ceil(2 * calibration.perSecond() * REUSE_AFTER.toSeconds()) + 2 * widest;
        }

        compileWarmup(plan, widest, out);
        try (SignInServer served = SignInServer.start(directory, hasher, stored, size, out)) {
            ClosedLoop.Operation signIn = served.signIn();
            List<Level> levels = new ArrayList<>();
            for (int concurrency : plan.concurrencyLevels()) {
                ClosedLoop.run("argon2id", concurrency, plan.warmup(), argon2);
                ClosedLoop.run("sign-in", concurrency, plan.warmup(), signIn);
                // Taken in turns, so that a drift in the machine's speed moves both figures alike.
                ClosedLoop.Tally alone = new ClosedLoop.Tally("argon2id", concurrency);
                ClosedLoop.Tally signIns = new ClosedLoop.Tally("sign-in", concurrency);
                Duration stretch = plan.duration().dividedBy(plan.rounds());
                for (int round = 0; round < plan.rounds(); round++) {
                    alone.run(stretch, argon2);
                    signIns.run(stretch, signIn);
                }
                Level level = new Level(signIns.result(), alone.result());
                out.println(level.argon2());
                out.println(level.signIns());
                levels.add(level);
            }
            for (Level level : levels) {
                out.printf(Locale.ROOT, "concurrency %d: sign-ins %.1f/s = %.0f%% of Argon2id alone (%.1f/s);"
                        + " CPU per sign-in %.1f ms (%.1f of it the HTTP client's), per hash alone %.1f ms%n",
                        level.signIns().concurrency(), level.signIns().perSecond(), 100 * level.ratio(),
                        level.argon2().perSecond(), level.signIns().cpuMillisEach(), level.signIns().workerCpuMillisEach(),
                        level.argon2().cpuMillisEach());
            }
            SignInPool pool = served.pool();
            out.printf(Locale.ROOT, "sign-ins that waited for a new TOTP step: %d%n", pool.waits());
            return new Report(pool.size(), pool.waits(), levels);
        }
    }

    /**
     * Sign-ins through a second server in this JVM, on a scratch store, whose password hashes cost next
     * to nothing. The JIT compiles a path once it has run some thousands of times; with real Argon2id,
     * a few seconds of warm-up are a few hundred sign-ins, so without this the compiler would still be
     * at work (a third of the process's CPU, measured) while the sign-ins are timed, and Argon2id
     * alone, a loop compiled in a moment, would not pay for it. A server that has run a while has its
     * path compiled; this measures that one. The code is the same (the hasher only takes other
     * parameters), so the same methods are compiled.
     */
    private static void compileWarmup(Plan plan, int concurrency, PrintStream out) throws IOException, InterruptedException {
        if (plan.compileWarmup().isZero()) {
            return;
        }
        PasswordHasher nearFree = new PasswordHasher(NEAR_FREE);
        AheadClock clock = new AheadClock();
        try (SignInServer warming = SignInServer.start(Files.createTempDirectory("gatehouse-sign-in-warmup-"), nearFree,
                nearFree.hash(Password.of(PASSWORD)), WARMUP_USERS, clock, out)) {
            ClosedLoop.Result warmed = ClosedLoop.run("compile", concurrency, plan.compileWarmup(), warming.signIn());
            out.printf(Locale.ROOT, "compiled the path with %d near-free sign-ins (%d errors; the scratch server's clock"
                    + " moved %d s ahead so that its users need not wait for new TOTP steps)%n", warmed.operations(),
                    warmed.errors(), clock.ahead().toSeconds());
        }
    }

    private static void verify(PasswordHasher hasher, Password typed, PasswordHash stored) {
        if (!hasher.verify(typed, stored)) {
            throw new IllegalStateException("the password did not verify");
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
