package dev.gatehouse.bench.console;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * Runs one operation from {@code concurrency} closed-loop workers (each waits for its operation to end
 * before starting the next) for a fixed time, in one stretch or several, and reports operations per
 * second, p50 and p99.
 */
final class ClosedLoop {

    /** One unit of work; a thrown exception counts as an error. */
    @FunctionalInterface
    interface Operation {
        void run() throws Exception;
    }

    /**
     * What one timed stretch measured. {@code cpuMillisEach} is this process's CPU time (every thread:
     * the clients', the server's, the JIT's and the collector's) per operation done; unlike the rates,
     * it barely changes with what else the machine runs. {@code workerCpuMillisEach} is the part of it
     * spent on the workers' own threads: for an operation that is a client of a server in this process,
     * the client's share, which a real client would spend on another machine.
     */
    record Result(String what, int concurrency, long operations, long errors, double perSecond, double p50Millis,
            double p99Millis, double cpuMillisEach, double workerCpuMillisEach, String firstError) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "%-9s concurrency=%d  %8.1f/s  p50=%7.1f ms  p99=%7.1f ms  CPU %.2f ms each, %.2f of it in the workers"
                    + "  (%d done, %d errors%s)",
                    what, concurrency, perSecond, p50Millis, p99Millis, cpuMillisEach, workerCpuMillisEach, operations,
                    errors, firstError == null ? "" : ", first: " + firstError);
        }
    }

    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ClosedLoop() {
    }

    /** One stretch of {@code length}: what a {@link Tally} of that stretch alone reports. */
    static Result run(String what, int concurrency, Duration length, Operation operation) throws InterruptedException {
        Tally tally = new Tally(what, concurrency);
        tally.run(length, operation);
        return tally.result();
    }

    /**
     * Stretches of one operation at one concurrency, added up: the benchmark alternates short
     * stretches of two operations, so that both see the same drift in the machine's speed.
     */
    static final class Tally {

        private final String what;
        private final int concurrency;
        private final Histogram latencies = new Histogram(Duration.ofMinutes(1).toNanos(), 3);
        private final LongAdder errors = new LongAdder();
        private final String[] firstError = new String[1];
        private long nanos;
        private long cpuNanos;
        private long workerCpuNanos;

        Tally(String what, int concurrency) {
            this.what = what;
            this.concurrency = concurrency;
        }

        /** Runs the operation from the workers for {@code length}, adding what they did to the tally. */
        void run(Duration length, Operation operation) throws InterruptedException {
            long cpuBefore = PROCESS.getProcessCpuTime();
            long deadline = System.nanoTime() + length.toNanos();
            LongAdder workerCpu = new LongAdder();
            List<Thread> workers = new ArrayList<>();
            List<Histogram> histograms = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                Histogram histogram = new Histogram(Duration.ofMinutes(1).toNanos(), 3);
                histograms.add(histogram);
                Thread worker = new Thread(() -> {
                    long cpuAtStart = THREADS.getCurrentThreadCpuTime();
                    try {
                        work(deadline, operation, histogram, errors, firstError);
                    } finally {
                        workerCpu.add(THREADS.getCurrentThreadCpuTime() - cpuAtStart);
                    }
                }, what + "-" + i);
                workers.add(worker);
                worker.start();
            }
            for (Thread worker : workers) {
                worker.join();
            }
            cpuNanos += PROCESS.getProcessCpuTime() - cpuBefore;
            workerCpuNanos += workerCpu.sum();
            nanos += length.toNanos();
            histograms.forEach(latencies::add);
        }

        Result result() {
            long done = latencies.getTotalCount();
            return new Result(what, concurrency, done, errors.sum(), nanos == 0 ? 0 : done / (nanos / 1e9),
                    latencies.getValueAtPercentile(50) / 1e6, latencies.getValueAtPercentile(99) / 1e6,
                    done == 0 ? 0 : cpuNanos / 1e6 / done, done == 0 ? 0 : workerCpuNanos / 1e6 / done, firstError[0]);
        }
    }

    /** One worker's loop: the operation again and again until the deadline, each timing or error recorded. */
    private static void work(long deadline, Operation operation, Histogram histogram, LongAdder errors, String[] firstError) {
        while (System.nanoTime() < deadline) {
            long started = System.nanoTime();
            try {
                operation.run();
                histogram.recordValue(Math.min(System.nanoTime() - started, histogram.getHighestTrackableValue()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                errors.increment();
                synchronized (firstError) {
                    if (firstError[0] == null) {
                        firstError[0] = e.toString();
                    }
                }
            }
        }
    }
}
