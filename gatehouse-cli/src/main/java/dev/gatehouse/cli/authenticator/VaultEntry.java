package dev.gatehouse.cli.authenticator;

import dev.gatehouse.otp.KeyUri;
import dev.gatehouse.otp.OtpType;
import java.util.Objects;

/**
 * One device in the vault: the name the user calls it by and its key. The key's {@code toString}
 * is redacted, so this record's is too.
 */
record VaultEntry(String name, KeyUri key) {

    /** Long enough for any sensible label, short enough to list on one line. */
    static final int MAXIMUM_NAME_LENGTH = 100;

    VaultEntry {
        checkName(name);
        Objects.requireNonNull(key, "key");
    }

    /**
     * @throws IllegalArgumentException saying what is wrong with the name
     */
    static void checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("the name cannot be blank");
        }
        if (name.length() > MAXIMUM_NAME_LENGTH) {
            throw new IllegalArgumentException("the name is longer than " + MAXIMUM_NAME_LENGTH + " characters");
        }
        if (!name.strip().equals(name)) {
            throw new IllegalArgumentException("the name cannot start or end with white space");
        }
        // Control characters would let a name rewrite the terminal when listed.
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the name cannot contain control characters");
        }
    }

    /** The same entry with its HOTP counter moved on by one, after its code has been shown. */
    VaultEntry withNextCounter() {
        if (key.type() != OtpType.HOTP) {
            throw new IllegalStateException("only an HOTP entry has a counter");
        }
        return new VaultEntry(name, KeyUri.hotp(key.issuer(), key.accountName(), key.secret(),
                key.algorithm(), key.digits(), Math.addExact(key.counter(), 1)));
    }
}
