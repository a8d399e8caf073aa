package dev.gatehouse.core.crypto;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;

/**
 * Argon2id password hashing (RFC 9106) with Bouncy Castle, stored as PHC strings. Immutable and
 * thread-safe. A hash made with weaker parameters than the current ones still verifies, and
 * {@link #needsRehash} tells the caller to replace it at the next successful sign-in.
 */
public final class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,9}),t=(\\d{1,4}),p=(\\d{1,3})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    // PHC strings use Base64 without padding.
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private final Argon2Parameters parameters;
    private final SecureRandom random;

    public PasswordHasher(Argon2Parameters parameters, SecureRandom random) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.random = Objects.requireNonNull(random, "random");
    }

    public PasswordHasher(Argon2Parameters parameters) {
        this(parameters, new SecureRandom());
    }

    /** OWASP's parameters. */
    public PasswordHasher() {
        this(Argon2Parameters.OWASP);
    }

    public Argon2Parameters parameters() {
        return parameters;
    }

    public PasswordHash hash(Password password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = compute(password, salt, parameters, HASH_BYTES);
        return new PasswordHash("$argon2id$v=19$m=" + parameters.memoryKib() + ",t=" + parameters.iterations()
                + ",p=" + parameters.parallelism() + "$" + ENCODER.encodeToString(salt) + "$"
                + ENCODER.encodeToString(hash));
    }

    /** Whether {@code password} is the one {@code stored} was made from; false for a malformed hash. */
    public boolean verify(Password password, PasswordHash stored) {
        Matcher phc = PHC.matcher(stored.phc());
        if (!phc.matches()) {
            return false;
        }
        Argon2Parameters stated = parametersOf(phc);
        byte[] salt = DECODER.decode(phc.group(4));
        byte[] expected = DECODER.decode(phc.group(5));
        byte[] actual = compute(password, salt, stated, expected.length);
        // Constant time: the comparison must not tell a guesser how many leading bytes matched.
        return MessageDigest.isEqual(expected, actual);
    }

    /** Whether {@code stored} was made with parameters weaker than the current ones, or is unreadable. */
    public boolean needsRehash(PasswordHash stored) {
        Matcher phc = PHC.matcher(stored.phc());
        return !phc.matches() || parametersOf(phc).weakerThan(parameters);
    }

    private static Argon2Parameters parametersOf(Matcher phc) {
        return new Argon2Parameters(Integer.parseInt(phc.group(1)), Integer.parseInt(phc.group(2)),
                Integer.parseInt(phc.group(3)));
    }

    private static byte[] compute(Password password, byte[] salt, Argon2Parameters parameters, int length) {
        org.bouncycastle.crypto.params.Argon2Parameters bouncyCastle =
                new org.bouncycastle.crypto.params.Argon2Parameters.Builder(
                        org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                        .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                        .withMemoryAsKB(parameters.memoryKib())
                        .withIterations(parameters.iterations())
                        .withParallelism(parameters.parallelism())
                        .withSalt(salt)
                        .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(bouncyCastle);
        byte[] out = new byte[length];
        generator.generateBytes(password.utf8(), out);
        return out;
    }
}
