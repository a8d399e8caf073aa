package dev.gatehouse.core.throttle;

import java.time.Instant;
import java.util.Objects;

/** The consecutive MFA failures of one device or principal and until when attempts are refused. */
public record ThrottleState(String key, int consecutiveFailures, Instant blockedUntil) {

    public ThrottleState {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(blockedUntil, "blockedUntil");
    }

    public boolean blocksAt(Instant now) {
        return now.isBefore(blockedUntil);
    }
}
