package dev.gatehouse.bench.store;

import dev.gatehouse.bench.UtcClock;
import java.time.Duration;
import java.time.Instant;

/** A clock one benchmark thread moves by hand, so that each of its calls sees a new TOTP step. */
final class SteppingClock extends UtcClock {

    private Instant now;

    SteppingClock(Instant start) {
        this.now = start;
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
