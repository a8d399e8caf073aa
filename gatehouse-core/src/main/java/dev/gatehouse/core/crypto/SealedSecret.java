package dev.gatehouse.core.crypto;

import java.util.Base64;
import java.util.Objects;

/**
 * A secret encrypted with AES-256-GCM: the ID of the master key that sealed it and
 * {@code nonce || ciphertext || tag}, Base64 so it stores as text on any database.
 */
public record SealedSecret(String keyId, String ciphertext) {

    public SealedSecret {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(ciphertext, "ciphertext");
    }

    byte[] bytes() {
        return Base64.getDecoder().decode(ciphertext);
    }

    static SealedSecret of(String keyId, byte[] bytes) {
        return new SealedSecret(keyId, Base64.getEncoder().encodeToString(bytes));
    }

    @Override
    public String toString() {
        return "SealedSecret[" + keyId + ", " + ciphertext.length() + " chars]";
    }
}
