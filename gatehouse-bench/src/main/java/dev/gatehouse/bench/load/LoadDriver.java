package dev.gatehouse.bench.load;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Sends one SigV4-signed query-API request over and over at fixed concurrency levels and reports
 * requests per second, p50 and p99 for each. Each worker waits for its response before sending
 * again (a closed loop), so the concurrency is exactly the number of requests in flight.
 *
 * <pre>
 * java -cp gatehouse-bench/target/benchmarks.jar dev.gatehouse.bench.load.LoadDriver \
 *   --endpoint http://127.0.0.1:8750 --access-key AKIA… --secret … --service iam \
 *   --form 'Action=ListMFADevices&amp;Version=2010-05-08&amp;UserName=alice' --concurrency 1,8,32
 * </pre>
 *
 * <p>With {@code --wrk-script FILE} it sends nothing and writes the signed request as a wrk script
 * instead, so that wrk, a client that costs the shared cores less, can replay it.
 */
@Command(name = "load-driver", mixinStandardHelpOptions = true,
        description = "Measure a Gatehouse (or any AWS query API) endpoint under load.")
public final class LoadDriver implements Callable<Integer> {

    @Option(names = "--endpoint", required = true, description = "Base URL, e.g. http://127.0.0.1:8750")
    URI endpoint;

    @Option(names = "--access-key", required = true)
    String accessKeyId;

    @Option(names = "--secret", required = true)
    String secretAccessKey;

    @Option(names = "--service", defaultValue = "iam", description = "Signing name: iam or sts (default: ${DEFAULT-VALUE}).")
    String service;

    @Option(names = "--form", required = true, description = "The form body, e.g. Action=ListUsers&Version=2010-05-08")
    String form;

    @Option(names = "--concurrency", split = ",", defaultValue = "1,8,32", description = "Levels to run (default: ${DEFAULT-VALUE}).")
    List<Integer> concurrencyLevels;

    @Option(names = "--warmup", defaultValue = "5", description = "Seconds of warm-up per level (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--duration", defaultValue = "15", description = "Seconds measured per level (default: ${DEFAULT-VALUE}).")
    int durationSeconds;

    @Option(names = "--wrk-script", paramLabel = "FILE",
            description = "Send nothing: write a wrk Lua script that replays the signed request to FILE, for "
                    + "wrk -s FILE (valid for 15 minutes).")
    Path wrkScript;

    /** What one level measured. */
    public record Result(int concurrency, long requests, long errors, double requestsPerSecond, double p50Millis,
            double p99Millis) {

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "concurrency=%d requests=%d errors=%d rps=%.0f p50=%.3fms p99=%.3fms",
                    concurrency, requests, errors, requestsPerSecond, p50Millis, p99Millis);
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadDriver()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (warmupSeconds + durationSeconds * 1L * concurrencyLevels.size() > 14 * 60) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "the run must end within 14 minutes, while the signature is still valid");
        }
        if (wrkScript != null) {
            Files.writeString(wrkScript, SignedRequests.wrkScript(endpoint, accessKeyId, secretAccessKey, service, form,
                    Clock.systemUTC()));
            return 0;
        }
        HttpRequest request = SignedRequests.post(endpoint, accessKeyId, secretAccessKey, service, form, Clock.systemUTC());
        PrintStream out = System.out;
        for (int concurrency : concurrencyLevels) {
            out.println(run(request, concurrency, Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(durationSeconds)));
        }
        return 0;
    }

    /** Warms up, then measures {@code concurrency} closed-loop workers for {@code duration}. */
    public static Result run(HttpRequest request, int concurrency, Duration warmup, Duration duration) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Phase warm = Phase.run(client, request, concurrency, warmup);
        if (warm.errors.sum() == warm.requests.sum() && warm.requests.sum() > 0) {
            throw new IllegalStateException("every warm-up request failed; the first answer was: " + warm.firstError);
        }
        Phase measured = Phase.run(client, request, concurrency, duration);
        Histogram latencies = measured.latencies;
        return new Result(concurrency, measured.requests.sum(), measured.errors.sum(),
                measured.requests.sum() / (duration.toNanos() / 1e9),
                latencies.getValueAtPercentile(50) / 1e6, latencies.getValueAtPercentile(99) / 1e6);
    }

    /** One timed stretch of load. */
    private static final class Phase {
        final LongAdder requests = new LongAdder();
        final LongAdder errors = new LongAdder();
        final Histogram latencies = new Histogram(Duration.ofSeconds(30).toNanos(), 3);
        volatile String firstError;

        static Phase run(HttpClient client, HttpRequest request, int concurrency, Duration length) throws InterruptedException {
            Phase phase = new Phase();
            long deadline = System.nanoTime() + length.toNanos();
            List<Thread> workers = new ArrayList<>();
            List<Histogram> histograms = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                Histogram histogram = new Histogram(Duration.ofSeconds(30).toNanos(), 3);
                histograms.add(histogram);
                Thread worker = new Thread(() -> phase.loop(client, request, deadline, histogram), "load-" + i);
                workers.add(worker);
                worker.start();
            }
            for (Thread worker : workers) {
                worker.join();
            }
            histograms.forEach(phase.latencies::add);
            return phase;
        }

        private void loop(HttpClient client, HttpRequest request, long deadline, Histogram histogram) {
            while (System.nanoTime() < deadline) {
                long started = System.nanoTime();
                try {
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        errors.increment();
                        if (firstError == null) {
                            firstError = response.statusCode() + " " + response.body();
                        }
                    }
                } catch (java.io.IOException e) {
                    errors.increment();
                    if (firstError == null) {
                        firstError = e.toString();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                histogram.recordValue(Math.min(System.nanoTime() - started, histogram.getHighestTrackableValue()));
                requests.increment();
            }
        }
    }
}
