package dev.gatehouse.cli.authenticator;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The cost of Argon2id (RFC 9106) when it turns a passphrase into the vault's key. Stored in each
 * vault's header, so a vault written today opens after the default is raised, and is re-keyed at
 * the new cost on its next write.
 */
record Argon2idParameters(int memoryKibibytes, int iterations, int parallelism) {

    /**
     * OWASP's first recommended Argon2id setting (m=46 MiB, t=1, p=1): about a third of a second
     * here, paid once per command, since the key is reused for the write that may follow the read.
     */
    static final Argon2idParameters DEFAULT = new Argon2idParameters(46 * 1024, 1, 1);

    /** Bounds a vault header must stay within, so a forged header cannot make us allocate gigabytes. */
    static final int MAXIMUM_MEMORY_KIBIBYTES = 4 * 1024 * 1024;
    static final int MAXIMUM_ITERATIONS = 64;
    static final int MAXIMUM_PARALLELISM = 16;

    static final int KEY_BYTES = 32;

    Argon2idParameters {
        if (parallelism < 1 || parallelism > MAXIMUM_PARALLELISM) {
            throw new IllegalArgumentException("Argon2id parallelism must be 1 to " + MAXIMUM_PARALLELISM + ", not " + parallelism);
        }
        // RFC 9106 §3.1: at least 8 KiB per lane.
        if (memoryKibibytes < 8 * parallelism || memoryKibibytes > MAXIMUM_MEMORY_KIBIBYTES) {
            throw new IllegalArgumentException("Argon2id memory must be " + 8 * parallelism + " to "
                    + MAXIMUM_MEMORY_KIBIBYTES + " KiB, not " + memoryKibibytes);
        }
        if (iterations < 1 || iterations > MAXIMUM_ITERATIONS) {
            throw new IllegalArgumentException("Argon2id iterations must be 1 to " + MAXIMUM_ITERATIONS + ", not " + iterations);
        }
    }

    /** Whether these parameters cost at least as much as {@code other} in every dimension. */
    boolean atLeast(Argon2idParameters other) {
        return memoryKibibytes >= other.memoryKibibytes && iterations >= other.iterations
                && parallelism >= other.parallelism;
    }

    /** A 256-bit key from the passphrase (UTF-8) and salt. */
    byte[] deriveKey(char[] passphrase, byte[] salt) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKibibytes)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build());
        byte[] password = utf8(passphrase);
        byte[] key = new byte[KEY_BYTES];
        try {
            generator.generateBytes(password, key);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
        return key;
    }

    /** UTF-8 without an intermediate String, so the bytes can be wiped after use. */
    private static byte[] utf8(char[] passphrase) {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(passphrase));
            byte[] bytes = Arrays.copyOf(encoded.array(), encoded.limit());
            Arrays.fill(encoded.array(), (byte) 0);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the passphrase is not valid Unicode (a lone surrogate)", e);
        }
    }
}
