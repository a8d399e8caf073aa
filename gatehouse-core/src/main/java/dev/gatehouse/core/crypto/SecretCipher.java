package dev.gatehouse.core.crypto;

import dev.gatehouse.core.error.ServiceFailureException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals secrets at rest with AES-256-GCM under the key ring's current key. The identity of the row
 * that holds the secret ({@code "mfa-device:<id>"}) is bound in as associated data, so that a
 * ciphertext copied into another row does not open. Thread-safe: a {@link Cipher} is made per call.
 */
public final class SecretCipher {

    private static final Logger LOG = LoggerFactory.getLogger(SecretCipher.class);
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    // 96-bit random nonces: NIST SP 800-38D's recommended length; with 2^32 seals per key the
    // collision chance stays below 2^-32, far more than this service will ever seal.
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final KeyRing keys;
    private final SecureRandom random;

    public SecretCipher(KeyRing keys, SecureRandom random) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.random = Objects.requireNonNull(random, "random");
    }

    public SecretCipher(KeyRing keys) {
        this(keys, new SecureRandom());
    }

    public KeyRing keys() {
        return keys;
    }

    /** A cipher that seals with {@code next} and still opens what the current ring sealed. */
    public SecretCipher rotatedTo(MasterKey next) {
        return new SecretCipher(keys.rotatedTo(next), random);
    }

    public SealedSecret seal(byte[] plaintext, String rowIdentity) {
        MasterKey key = keys.current();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(key.id(), rowIdentity));
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return SealedSecret.of(key.id(), out);
        } catch (GeneralSecurityException e) {
            throw new AssertionError("AES-GCM is available on every Java platform", e);
        }
    }

    /**
     * @throws ServiceFailureException if the key is unknown, or the ciphertext was altered or
     *     belongs to another row; the details go to the log
     */
    public byte[] open(SealedSecret sealed, String rowIdentity) {
        MasterKey key = keys.find(sealed.keyId()).orElseThrow(() -> {
            LOG.error("No master key {} to open the secret of {}: is the key file or GATEHOUSE_MASTER_KEY the one "
                    + "this database was written with?", sealed.keyId(), rowIdentity);
            return new ServiceFailureException("A stored secret cannot be decrypted");
        });
        byte[] bytes = sealed.bytes();
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            LOG.error("The sealed secret of {} is truncated", rowIdentity);
            throw new ServiceFailureException("A stored secret cannot be decrypted");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key.secretKey(),
                    new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(key.id(), rowIdentity));
            return cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            LOG.error("The sealed secret of {} fails authentication: altered, or moved from another row", rowIdentity);
            throw new ServiceFailureException("A stored secret cannot be decrypted");
        } catch (GeneralSecurityException e) {
            throw new AssertionError("AES-GCM is available on every Java platform", e);
        }
    }

    /** Re-encrypts under the current key; a no-op result for a secret already sealed with it is still fresh. */
    public SealedSecret reseal(SealedSecret sealed, String rowIdentity) {
        byte[] plaintext = open(sealed, rowIdentity);
        try {
            return seal(plaintext, rowIdentity);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    // The key ID is bound too, so a ciphertext cannot be relabelled as sealed by another key.
    private static byte[] associatedData(String keyId, String rowIdentity) {
        return ("gatehouse/v1|" + keyId + "|" + rowIdentity).getBytes(StandardCharsets.UTF_8);
    }
}
