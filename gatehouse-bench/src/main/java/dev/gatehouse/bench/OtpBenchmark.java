package dev.gatehouse.bench;

import dev.gatehouse.otp.OtpSecret;
import dev.gatehouse.otp.TotpGenerator;
import dev.gatehouse.otp.TotpParameters;
import dev.gatehouse.otp.TotpVerifier;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The OTP engine's hot path: one code generated, and one code verified against a ±1-step window
 * (what a sign-in does). Run:
 * {@code java -jar gatehouse-bench/target/benchmarks.jar OtpBenchmark -t 1}.
 *
 * <p>Verification is measured three ways because its cost depends on where the code matches: a
 * code of the current step needs one HMAC, one from the step before needs two, and a wrong code
 * needs all three (the worst case, and what a guesser pays for).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OtpBenchmark {

    private final TotpGenerator generator = new TotpGenerator(TotpParameters.AWS_DEFAULT);
    private final TotpVerifier verifier = new TotpVerifier(TotpParameters.AWS_DEFAULT);
    private final OtpSecret secret = OtpSecret.generate();
    private final Instant now = Instant.ofEpochSecond(1_700_000_000L);

    private String currentCode;
    private String previousStepCode;
    private String wrongCode;

    @Setup
    public void prepareCodes() {
        long step = TotpParameters.AWS_DEFAULT.stepAt(now);
        currentCode = generator.generateOneTimePasswordAtStep(secret, step);
        previousStepCode = generator.generateOneTimePasswordAtStep(secret, step - 1);
        wrongCode = firstCodeNotIn(generator.generateOneTimePasswordAtStep(secret, step - 1),
                currentCode, generator.generateOneTimePasswordAtStep(secret, step + 1));
        if (verifier.verify(secret, currentCode, now, 1).isEmpty()
                || verifier.verify(secret, wrongCode, now, 1).isPresent()) {
            throw new IllegalStateException("benchmark codes are not what they claim to be");
        }
    }

    @Benchmark
    public String generate() {
        return generator.generateOneTimePassword(secret, now);
    }

    @Benchmark
    public OptionalLong verifyCurrentStepCode() {
        return verifier.verify(secret, currentCode, now, 1);
    }

    @Benchmark
    public OptionalLong verifyPreviousStepCode() {
        return verifier.verify(secret, previousStepCode, now, 1);
    }

    @Benchmark
    public OptionalLong verifyWrongCode() {
        return verifier.verify(secret, wrongCode, now, 1);
    }

    private static String firstCodeNotIn(String... taken) {
        for (int candidate = 0; ; candidate++) {
            String code = String.format(java.util.Locale.ROOT, "%06d", candidate);
            if (!java.util.Arrays.asList(taken).contains(code)) {
                return code;
            }
        }
    }
}
