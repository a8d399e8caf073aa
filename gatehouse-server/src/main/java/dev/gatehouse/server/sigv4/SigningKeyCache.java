package dev.gatehouse.server.sigv4;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * The derived SigV4 signing keys, by secret and scope. Deriving one costs four HMACs, and a client
 * signs every request of a day and region with the same one; with this cache a request costs the
 * one HMAC of its string to sign. The keys live in memory only, as the secrets they come from.
 */
final class SigningKeyCache {

    private record ScopedSecret(String secretAccessKey, CredentialScope scope) {
        @Override
        public String toString() {
            return "ScopedSecret[secret=redacted, " + scope + "]";
        }
    }

    // A scope's date changes daily; a day's keys are idle by the next.
    // Maintenance on the calling thread: handing it to the common pool woke a thread every few requests.
    private final Cache<ScopedSecret, byte[]> keys = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(1)).executor(Runnable::run).build();

    byte[] signingKey(String secretAccessKey, CredentialScope scope) {
        return keys.get(new ScopedSecret(secretAccessKey, scope), key -> SigV4Signer.signingKey(secretAccessKey, scope));
    }
}
