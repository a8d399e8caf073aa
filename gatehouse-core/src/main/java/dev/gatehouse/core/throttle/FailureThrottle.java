package dev.gatehouse.core.throttle;

import dev.gatehouse.core.store.StoreSession;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies a {@link ThrottlePolicy} to throttle keys (a device, a principal) through the store, so
 * that every node sees the same counts. Failures count against every key given; a block on any
 * key refuses the attempt.
 */
public final class FailureThrottle {

    private final ThrottlePolicy policy;

    public FailureThrottle(ThrottlePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public ThrottlePolicy policy() {
        return policy;
    }

    /** The latest instant until which one of {@code keys} is blocked, if one is blocked at {@code now}. */
    public Optional<Instant> blockedUntil(StoreSession session, List<String> keys, Instant now) {
        Instant latest = null;
        for (String key : keys) {
            Optional<ThrottleState> state = session.throttles().find(key);
            if (state.isPresent() && state.get().blocksAt(now)
                    && (latest == null || state.get().blockedUntil().isAfter(latest))) {
                latest = state.get().blockedUntil();
            }
        }
        return Optional.ofNullable(latest);
    }

    public void recordFailure(StoreSession session, List<String> keys, Instant now) {
        for (String key : keys) {
            int failures = session.throttles().recordFailure(key, now);
            Instant until = policy.blockedUntil(failures, now);
            if (until.isAfter(now)) {
                session.throttles().blockUntil(key, until);
            }
        }
    }

    public void reset(StoreSession session, List<String> keys) {
        for (String key : keys) {
            session.throttles().reset(key);
        }
    }
}
