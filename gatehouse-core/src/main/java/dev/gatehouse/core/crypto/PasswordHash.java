package dev.gatehouse.core.crypto;

import java.util.Objects;

/**
 * A password hash as a PHC string, {@code $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH}, which carries
 * its own parameters so that they can be raised later. Redacted in {@code toString}: a hash is not
 * the password, but it is what an offline guesser needs.
 */
public record PasswordHash(String phc) {

    public PasswordHash {
        Objects.requireNonNull(phc, "phc");
        if (!phc.startsWith("$")) {
            throw new IllegalArgumentException("not a PHC string");
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[redacted]";
    }
}
