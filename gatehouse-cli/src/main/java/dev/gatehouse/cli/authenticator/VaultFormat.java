package dev.gatehouse.cli.authenticator;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The vault file's bytes: a versioned header, then the entries as JSON encrypted with AES-256-GCM.
 *
 * <pre>
 * offset size
 *      0    8  magic: 0x89 "GHVAULT" (the high byte catches a text-mode transfer, as PNG's does)
 *      8    2  format version, 1
 *     10    1  key derivation: 1 = Argon2id version 1.3
 *     11    4  Argon2id memory in KiB
 *     15    4  Argon2id iterations
 *     19    1  Argon2id parallelism
 *     20   16  salt
 *     36   12  GCM nonce, fresh for every write
 *     48    …  ciphertext, then the 16-byte GCM tag
 * </pre>
 *
 * All integers big-endian. The whole header is GCM's associated data, so a changed byte anywhere in
 * the file, KDF parameters included, fails authentication rather than yielding another plaintext.
 */
final class VaultFormat {

    static final int VERSION = 1;
    static final int HEADER_BYTES = 48;
    static final int SALT_BYTES = 16;
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;

    private static final byte[] MAGIC = {(byte) 0x89, 'G', 'H', 'V', 'A', 'U', 'L', 'T'};
    private static final int KDF_ARGON2ID_13 = 1;

    private final SecureRandom random;

    VaultFormat(SecureRandom random) {
        this.random = random;
    }

    /** A vault opened with its passphrase, and the key to write it back with. */
    record Opened(Vault vault, VaultKey key) {
    }

    /** Gives the key for the parameters and salt of a vault's header. */
    @FunctionalInterface
    interface KeySource {
        VaultKey keyFor(Argon2idParameters parameters, byte[] salt);
    }

    /** A new key for {@code passphrase} under fresh salt. */
    VaultKey newKey(char[] passphrase, Argon2idParameters parameters) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return VaultKey.derive(passphrase, parameters, salt);
    }

    /** The file bytes of {@code vault} encrypted under {@code key} with a fresh nonce. */
    byte[] seal(Vault vault, VaultKey key) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        Argon2idParameters parameters = key.parameters();
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES)
                .put(MAGIC)
                .putShort((short) VERSION)
                .put((byte) KDF_ARGON2ID_13)
                .putInt(parameters.memoryKibibytes())
                .putInt(parameters.iterations())
                .put((byte) parameters.parallelism())
                .put(key.salt())
                .put(nonce);
        byte[] plaintext = VaultJson.write(vault);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header.array());
            byte[] ciphertext = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(HEADER_BYTES + ciphertext.length).put(header.array()).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new AssertionError("Every Java SE platform has AES/GCM/NoPadding with 256-bit keys", e);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * Decrypts a vault file.
     *
     * @throws VaultFormatException if the bytes are not a vault, a version this code cannot read,
     *     damaged, or the passphrase is wrong (which GCM cannot tell apart from damage)
     */
    Opened open(byte[] file, char[] passphrase) {
        return open(file, (parameters, salt) -> VaultKey.derive(passphrase, parameters, salt));
    }

    /**
     * Decrypts a vault file with the key {@code keys} gives for its header, which is read and
     * checked first, so that a file that is not a vault fails before anyone is asked for a passphrase.
     *
     * @throws VaultFormatException as {@link #open(byte[], char[])}
     */
    Opened open(byte[] file, KeySource keys) {
        if (file.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(file, MAGIC.length), MAGIC)) {
            throw new VaultFormatException("not a Gatehouse authenticator vault");
        }
        ByteBuffer buffer = ByteBuffer.wrap(file);
        buffer.position(MAGIC.length);
        Argon2idParameters parameters;
        byte[] salt = new byte[SALT_BYTES];
        byte[] nonce = new byte[NONCE_BYTES];
        try {
            int version = Short.toUnsignedInt(buffer.getShort());
            if (version != VERSION) {
                throw new VaultFormatException("vault format " + version
                        + " is not supported by this version of Gatehouse, which reads format " + VERSION);
            }
            int kdf = Byte.toUnsignedInt(buffer.get());
            if (kdf != KDF_ARGON2ID_13) {
                throw new VaultFormatException("damaged vault: unknown key derivation " + kdf);
            }
            parameters = new Argon2idParameters(buffer.getInt(), buffer.getInt(), Byte.toUnsignedInt(buffer.get()));
            buffer.get(salt).get(nonce);
        } catch (BufferUnderflowException e) {
            throw new VaultFormatException("damaged vault: truncated header", e);
        } catch (IllegalArgumentException e) {
            throw new VaultFormatException("damaged vault: " + e.getMessage(), e);
        }
        if (buffer.remaining() < TAG_BITS / 8) {
            throw new VaultFormatException("damaged vault: truncated");
        }
        VaultKey key = keys.keyFor(parameters, salt);
        byte[] plaintext;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(file, 0, HEADER_BYTES);
            plaintext = cipher.doFinal(file, HEADER_BYTES, file.length - HEADER_BYTES);
        } catch (AEADBadTagException e) {
            throw new VaultFormatException("wrong passphrase or damaged vault", e);
        } catch (GeneralSecurityException e) {
            throw new AssertionError("Every Java SE platform has AES/GCM/NoPadding with 256-bit keys", e);
        }
        try {
            return new Opened(VaultJson.read(plaintext), key);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }
}
