package dev.gatehouse.bench.load;

import com.sun.management.OperatingSystemMXBean;
import dev.gatehouse.bench.KeepAliveHttp;
import dev.gatehouse.otp.OtpSecret;
import dev.gatehouse.otp.TotpGenerator;
import dev.gatehouse.otp.TotpParameters;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * The write mix of the tutorials, as fast as it goes: CreateUser, CreateVirtualMFADevice, then
 * EnableMFADevice with two consecutive codes computed from the seed the server returned. Each
 * loop signs its own requests (the bodies differ), so the client's signing is part of the loop,
 * the same for every server measured.
 *
 * <p>The client is {@link KeepAliveHttp}, as the sign-in benchmark's: all of its work is on the
 * loop's own thread, so the driver takes as little as it can of the cores it shares with the server
 * it measures.
 *
 * <pre>
 * java -cp gatehouse-bench/target/benchmarks.jar dev.gatehouse.bench.load.WriteMixDriver \
 *   --endpoint http://127.0.0.1:8750 --credentials keys.txt --concurrency 8 --warmup 30 --duration 20
 * </pre>
 */
@Command(name = "write-mix", mixinStandardHelpOptions = true,
        description = "CreateUser + CreateVirtualMFADevice + EnableMFADevice loops per second.")
public final class WriteMixDriver implements Callable<Integer> {

    private static final Pattern SERIAL = Pattern.compile("<SerialNumber>([^<]+)</SerialNumber>");
    private static final Pattern SEED = Pattern.compile("<Base32StringSeed>([^<]+)</Base32StringSeed>");
    private static final TotpGenerator TOTP = new TotpGenerator(TotpParameters.AWS_DEFAULT);
    private static final OperatingSystemMXBean PROCESS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @Option(names = "--endpoint", required = true)
    URI endpoint;

    @Option(names = "--access-key", description = "The key that signs, with --secret; or use --credentials.")
    String accessKeyId;

    @Option(names = "--secret")
    String secretAccessKey;

    @Option(names = "--credentials", description = "A file of access keys, one 'KEY-ID SECRET' per line, each of its own"
            + " account: the loops take them in turn, so that a long run stays within each account's quotas of 5,000 users"
            + " and 5,000 virtual MFA devices.")
    Path credentialsFile;

    @Option(names = "--concurrency", defaultValue = "8")
    int concurrency;

    @Option(names = "--duration", defaultValue = "10", description = "Seconds measured (default: ${DEFAULT-VALUE}).")
    int durationSeconds;

    @Option(names = "--warmup", defaultValue = "0",
            description = "Seconds of loops run and not counted first, so that both JVMs are compiled (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--prefix", defaultValue = "mix", description = "Prefix of the user and device names.")
    String prefix;

    /** An access key that signs the loops of one account. */
    public record Credentials(String accessKeyId, String secretAccessKey) {
    }

    /**
     * What a run measured. {@code driverCpuMillisPerLoop} is this process's CPU time per loop: the
     * driver's own when it runs in a JVM of its own, as the write-benchmark script runs it.
     */
    public record Result(int concurrency, long loops, long errors, double loopsPerSecond, double driverCpuMillisPerLoop,
            String firstError) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "concurrency=%d loops=%d errors=%d loops/s=%.1f driver CPU per loop=%.2f ms%s",
                    concurrency, loops, errors, loopsPerSecond, driverCpuMillisPerLoop,
                    firstError == null ? "" : " first error: " + firstError);
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new WriteMixDriver()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException, IOException {
        List<Credentials> keys = new ArrayList<>();
        if (accessKeyId != null && secretAccessKey != null) {
            keys.add(new Credentials(accessKeyId, secretAccessKey));
        }
        if (credentialsFile != null) {
            for (String line : Files.readAllLines(credentialsFile)) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length == 2) {
                    keys.add(new Credentials(fields[0], fields[1]));
                }
            }
        }
        if (keys.isEmpty()) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "give --access-key and --secret, or --credentials with at least one 'KEY-ID SECRET' line");
        }
        if (warmupSeconds > 0) {
            // The same loops under other names: the driver's JIT warms up too, not only the server's.
            run(endpoint, keys, prefix + "-warmup", concurrency, Duration.ofSeconds(warmupSeconds));
        }
        System.out.println(run(endpoint, keys, prefix, concurrency, Duration.ofSeconds(durationSeconds)));
        return 0;
    }

    /** Runs the loops with {@code keys} in turn, one loop after another, for {@code duration}. */
    public static Result run(URI endpoint, List<Credentials> keys, String prefix, int concurrency, Duration duration)
            throws InterruptedException {
        long cpuAtStart = PROCESS.getProcessCpuTime();
        LongAdder loops = new LongAdder();
        LongAdder errors = new LongAdder();
        AtomicLong names = new AtomicLong();
        String[] firstError = new String[1];
        long deadline = System.nanoTime() + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    long number = names.incrementAndGet();
                    Credentials key = keys.get((int) (number % keys.size()));
                    try {
                        loop(endpoint, key.accessKeyId(), key.secretAccessKey(), prefix + "-" + number);
                        loops.increment();
                    } catch (IOException | IllegalStateException e) {
                        errors.increment();
                        synchronized (firstError) {
                            if (firstError[0] == null) {
                                firstError[0] = e.getMessage();
                            }
                        }
                    }
                }
            }, "write-mix-" + i);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        // The driver shares the cores with the server it measures: what it spends, the server cannot.
        double driverCpu = (PROCESS.getProcessCpuTime() - cpuAtStart) / 1e6;
        long done = loops.sum();
        return new Result(concurrency, done, errors.sum(), done / (duration.toNanos() / 1e9),
                done == 0 ? 0 : driverCpu / done, firstError[0]);
    }

    private static void loop(URI endpoint, String accessKeyId, String secret, String name) throws IOException {
        call(endpoint, accessKeyId, secret, "Action=CreateUser&Version=2010-05-08&UserName=" + name);
        String created = call(endpoint, accessKeyId, secret,
                "Action=CreateVirtualMFADevice&Version=2010-05-08&VirtualMFADeviceName=" + name);
        String serial = find(SERIAL, created);
        OtpSecret seed = OtpSecret.fromBase32(new String(Base64.getDecoder().decode(find(SEED, created)), StandardCharsets.US_ASCII));
        long step = TotpParameters.AWS_DEFAULT.stepAt(Clock.systemUTC().instant());
        call(endpoint, accessKeyId, secret, "Action=EnableMFADevice&Version=2010-05-08&UserName=" + name
                + "&SerialNumber=" + URLEncoder.encode(serial, StandardCharsets.UTF_8)
                + "&AuthenticationCode1=" + TOTP.generateOneTimePasswordAtStep(seed, step - 1)
                + "&AuthenticationCode2=" + TOTP.generateOneTimePasswordAtStep(seed, step));
    }

    private static String call(URI endpoint, String accessKeyId, String secret, String form) throws IOException {
        SdkHttpRequest signed = SignedRequests.sign(endpoint, accessKeyId, secret, "iam", form, Clock.systemUTC());
        HttpURLConnection connection = KeepAliveHttp.open(signed.getUri(), "POST");
        // The connection sets Host (the endpoint's, as signed) and Content-Length itself.
        signed.forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                connection.setRequestProperty(name, String.join(",", values));
            }
        });
        KeepAliveHttp.send(connection, form.getBytes(StandardCharsets.UTF_8));
        int status = connection.getResponseCode();
        String body = KeepAliveHttp.body(connection);
        if (status != 200) {
            throw new IllegalStateException(status + " " + body);
        }
        return body;
    }

    private static String find(Pattern pattern, String xml) {
        Matcher matcher = pattern.matcher(xml);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern.pattern() + " in " + xml);
        }
        return matcher.group(1);
    }
}
