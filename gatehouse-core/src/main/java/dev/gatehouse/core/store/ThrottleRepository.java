package dev.gatehouse.core.store;

import dev.gatehouse.core.throttle.ThrottleState;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Consecutive MFA failures, per device and per principal, shared by every node through the store.
 * Keys are opaque to the store.
 */
public interface ThrottleRepository {

    /** The states of those of {@code keys} that have failures or a block recorded, in one read. */
    List<ThrottleState> find(Collection<String> keys);

    /**
     * Adds one failure atomically (a row is created at the first), so that failures on several
     * nodes at once are all counted.
     *
     * @return the new count of consecutive failures
     */
    int recordFailure(String key, Instant at);

    /** Refuses attempts until {@code until}, unless a later block is already in place. */
    void blockUntil(String key, Instant until);

    void reset(String key);
}
