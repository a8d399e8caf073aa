package dev.gatehouse.cli.authenticator;

import java.util.Arrays;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A vault's AES-256 key with the salt and Argon2id parameters it was derived with, so that a write
 * can reuse the key of the read before it instead of paying for Argon2id twice.
 */
final class VaultKey {

    private final Argon2idParameters parameters;
    private final byte[] salt;
    private final SecretKey key;

    private VaultKey(Argon2idParameters parameters, byte[] salt, byte[] keyBytes) {
        this.parameters = parameters;
        this.salt = salt.clone();
        this.key = new SecretKeySpec(keyBytes, "AES");
    }

    static VaultKey derive(char[] passphrase, Argon2idParameters parameters, byte[] salt) {
        byte[] keyBytes = parameters.deriveKey(passphrase, salt);
        try {
            return new VaultKey(parameters, salt, keyBytes);
        } finally {
            // SecretKeySpec holds its own copy.
            Arrays.fill(keyBytes, (byte) 0);
        }
    }

    /** Whether this is the key for a header with these parameters and salt (which is not secret). */
    boolean matches(Argon2idParameters parameters, byte[] salt) {
        return this.parameters.equals(parameters) && Arrays.equals(this.salt, salt);
    }

    Argon2idParameters parameters() {
        return parameters;
    }

    byte[] salt() {
        return salt.clone();
    }

    SecretKey key() {
        return key;
    }

    @Override
    public String toString() {
        return "VaultKey[redacted, " + parameters + "]";
    }
}
