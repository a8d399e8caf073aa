package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.throttle.ThrottleState;
import dev.gatehouse.core.store.ThrottleRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;

final class JdbcThrottles implements ThrottleRepository {

    private final Handle handle;

    JdbcThrottles(Handle handle) {
        this.handle = handle;
    }

    @Override
    public List<ThrottleState> find(Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return handle.createQuery("SELECT throttle_key, failures, blocked_until FROM mfa_throttles WHERE throttle_key IN (<keys>)")
                .bindList("keys", List.copyOf(keys))
                .map((row, context) -> new ThrottleState(row.getString(1), row.getInt(2), Instant.ofEpochMilli(row.getLong(3))))
                .list();
    }

    @Override
    public int recordFailure(String key, Instant at) {
        // An atomic increment: concurrent failures on several nodes are all counted.
        handle.createUpdate("INSERT INTO mfa_throttles (throttle_key, failures, blocked_until) VALUES (:key, 1, 0)"
                + " ON CONFLICT (throttle_key) DO UPDATE SET failures = mfa_throttles.failures + 1")
                .bind("key", key).execute();
        return handle.createQuery("SELECT failures FROM mfa_throttles WHERE throttle_key = :key")
                .bind("key", key).mapTo(Integer.class).one();
    }

    @Override
    public void blockUntil(String key, Instant until) {
        handle.createUpdate("INSERT INTO mfa_throttles (throttle_key, failures, blocked_until) VALUES (:key, 0, :until)"
                + " ON CONFLICT (throttle_key) DO UPDATE SET blocked_until = CASE"
                + " WHEN mfa_throttles.blocked_until < excluded.blocked_until THEN excluded.blocked_until"
                + " ELSE mfa_throttles.blocked_until END")
                .bind("key", key).bind("until", until.toEpochMilli()).execute();
    }

    @Override
    public void reset(String key) {
        handle.createUpdate("DELETE FROM mfa_throttles WHERE throttle_key = :key").bind("key", key).execute();
    }
}
