package dev.gatehouse.bench;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the benchmarks move themselves; only its instant varies, its zone is always UTC. */
public abstract class UtcClock extends Clock {

    @Override
    public final ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public final Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the benchmark's clocks are UTC");
    }
}
