package dev.gatehouse.core.crypto;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The master keys known to this installation: the current one, which encrypts, and the older
 * ones, kept so that secrets sealed before a rotation still open until they are re-encrypted.
 * Immutable.
 */
public final class KeyRing {

    private final Map<String, MasterKey> keys;
    private final MasterKey current;

    /** {@code keys} oldest first; the last one is current. */
    public KeyRing(List<MasterKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a key ring needs at least one key");
        }
        Map<String, MasterKey> byId = new LinkedHashMap<>();
        for (MasterKey key : keys) {
            byId.put(Objects.requireNonNull(key, "key").id(), key);
        }
        this.keys = Map.copyOf(byId);
        this.current = keys.get(keys.size() - 1);
    }

    public static KeyRing of(MasterKey only) {
        return new KeyRing(List.of(only));
    }

    public MasterKey current() {
        return current;
    }

    public Optional<MasterKey> find(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    /** This ring with {@code next} as the new current key. */
    public KeyRing rotatedTo(MasterKey next) {
        List<MasterKey> all = new java.util.ArrayList<>(keys.values());
        all.remove(current);
        all.add(current);
        all.add(next);
        return new KeyRing(all);
    }

    @Override
    public String toString() {
        return "KeyRing[current=" + current.id() + ", " + keys.size() + " keys]";
    }
}
