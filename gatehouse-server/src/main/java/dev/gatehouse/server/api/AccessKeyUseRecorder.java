package dev.gatehouse.server.api;

import dev.gatehouse.core.user.AccessKeyId;
import dev.gatehouse.core.user.AccessKeyUse;
import dev.gatehouse.core.user.AccessKeyService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers each long-term key's latest use and writes them all in one transaction now and then.
 * A write per request would put a transaction (on SQLite, the single writer lock) on every read;
 * instead a request only replaces one map entry, and thousands of uses of a hot key cost one row
 * update per flush. What is lost if the process dies is at most one interval of last-used dates,
 * which AWS itself reports only approximately.
 */
public final class AccessKeyUseRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AccessKeyUseRecorder.class);

    /** How much later a use must be than the one noted to replace it. */
    static final Duration RESOLUTION = Duration.ofSeconds(1);

    private final AccessKeyService accessKeys;
    private final Clock clock;
    private final ConcurrentHashMap<AccessKeyId, AccessKeyUse> pending = new ConcurrentHashMap<>();
    private ScheduledExecutorService flusher;

    /** A recorder that writes only when {@link #flush()} is called: for tests, and the base of the scheduled one. */
    public AccessKeyUseRecorder(AccessKeyService accessKeys, Clock clock) {
        this.accessKeys = accessKeys;
        this.clock = clock;
    }

    /** A recorder that flushes every {@code interval} from a daemon thread, and once more on {@link #close()}. */
    public static AccessKeyUseRecorder flushingEvery(Duration interval, AccessKeyService accessKeys, Clock clock) {
        AccessKeyUseRecorder recorder = new AccessKeyUseRecorder(accessKeys, clock);
        recorder.flusher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "access-key-use-recorder");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        recorder.flusher.scheduleWithFixedDelay(recorder::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
        return recorder;
    }

    /**
     * Notes a use now; the latest use of a key wins. Never touches the store. A use within a
     * second of the one already noted, from the same region and service, changes nothing worth
     * a write: it is skipped without the map's lock, which a stream of requests with one key
     * would otherwise all queue on.
     */
    public void record(AccessKeyId id, String region, String service) {
        Instant now = clock.instant();
        AccessKeyUse noted = pending.get(id);
        if (noted != null && noted.region().equals(region) && noted.service().equals(service)
                && !noted.at().isBefore(now.minus(RESOLUTION))) {
            return;
        }
        pending.put(id, new AccessKeyUse(id, now, region, service));
    }

    /** Writes the uses noted since the last flush, in one transaction. */
    public void flush() {
        List<AccessKeyUse> batch = new ArrayList<>();
        for (Map.Entry<AccessKeyId, AccessKeyUse> entry : pending.entrySet()) {
            // remove(key, value): a use recorded while we drain stays for the next flush.
            if (pending.remove(entry.getKey(), entry.getValue())) {
                batch.add(entry.getValue());
            }
        }
        try {
            accessKeys.recordUses(batch);
        } catch (RuntimeException e) {
            // Put them back unless a newer use arrived, so a storage hiccup delays the dates instead of losing them.
            batch.forEach(use -> pending.putIfAbsent(use.id(), use));
            throw e;
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("Could not record access key uses; will retry", e);
        }
    }

    @Override
    public void close() {
        if (flusher != null) {
            flusher.shutdown();
            try {
                flusher.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flushQuietly();
    }
}
