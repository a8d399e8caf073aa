package dev.gatehouse.bench.console;

import dev.gatehouse.bench.UtcClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The system clock, moved ahead whenever the compile warm-up's users have all used the current TOTP
 * step: a scratch server on this clock takes sign-ins without pause from a small pool of users, where on
 * the real clock each user could sign in once per 30 seconds. Time only ever moves forward.
 */
final class AheadClock extends UtcClock {

    private final AtomicLong aheadMillis = new AtomicLong();

    /** Moves the clock ahead to {@code instant}, unless it is already there or later. */
    void moveTo(Instant instant) {
        long needed = instant.toEpochMilli() - System.currentTimeMillis();
        aheadMillis.accumulateAndGet(needed, Math::max);
    }

    Duration ahead() {
        return Duration.ofMillis(aheadMillis.get());
    }

    @Override
    public long millis() {
        return System.currentTimeMillis() + aheadMillis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }
}
