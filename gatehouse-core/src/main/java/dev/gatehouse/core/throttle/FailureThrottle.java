package dev.gatehouse.core.throttle;

import dev.gatehouse.core.store.StoreSession;
import java.time.Instant;
import java.util.ArrayList;
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

    /**
     * What the store holds for {@code keys} at {@code now}.
     *
     * @param blockedUntil the latest instant until which one of the keys is blocked, if one is
     * @param keysWithFailures the keys that have failures recorded, the only ones a success must reset
     */
    public record Standing(Optional<Instant> blockedUntil, List<String> keysWithFailures) {
        public Standing {
            Objects.requireNonNull(blockedUntil, "blockedUntil");
            keysWithFailures = List.copyOf(keysWithFailures);
        }
    }

    /** The latest instant until which one of {@code keys} is blocked, if one is blocked at {@code now}. */
    public Optional<Instant> blockedUntil(StoreSession session, List<String> keys, Instant now) {
        return standing(session, keys, now).blockedUntil();
    }

    /** Reads the keys' state once, for a check now and a {@link #reset(StoreSession, Standing)} after a success. */
    public Standing standing(StoreSession session, List<String> keys, Instant now) {
        Instant latest = null;
        List<String> withFailures = new ArrayList<>(keys.size());
        for (ThrottleState state : session.throttles().find(keys)) {
            withFailures.add(state.key());
            if (state.blocksAt(now) && (latest == null || state.blockedUntil().isAfter(latest))) {
                latest = state.blockedUntil();
            }
        }
        return new Standing(Optional.ofNullable(latest), withFailures);
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

    /**
     * After a success: forgets the failures of the keys that had some when {@code standing} was
     * read. A key without failures then has none to forget, and skipping its delete saves a
     * statement on every success. A failure another node records meanwhile stays counted, as it
     * would if it were recorded just after this reset.
     */
    public void reset(StoreSession session, Standing standing) {
        for (String key : standing.keysWithFailures()) {
            session.throttles().reset(key);
        }
    }
}
