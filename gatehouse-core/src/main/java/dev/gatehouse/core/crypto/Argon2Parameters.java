package dev.gatehouse.core.crypto;

/**
 * The cost of an Argon2id hash: memory in KiB, passes, lanes.
 *
 * @param memoryKib memory in KiB, at least 8 per lane
 * @param iterations passes over the memory, at least 1
 * @param parallelism lanes, 1 to 255
 */
public record Argon2Parameters(int memoryKib, int iterations, int parallelism) {

    /** OWASP's Password Storage Cheat Sheet minimum for Argon2id: 19 MiB, 2 passes, 1 lane. */
    public static final Argon2Parameters OWASP = new Argon2Parameters(19_456, 2, 1);

    public Argon2Parameters {
        if (parallelism < 1 || parallelism > 255) {
            throw new IllegalArgumentException("parallelism must be 1 to 255, not " + parallelism);
        }
        if (memoryKib < 8 * parallelism) {
            throw new IllegalArgumentException("memory must be at least 8 KiB per lane, not " + memoryKib);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, not " + iterations);
        }
    }

    /** Whether a hash made with these parameters is weaker than one made with {@code target}. */
    public boolean weakerThan(Argon2Parameters target) {
        return memoryKib < target.memoryKib || iterations < target.iterations
                || parallelism != target.parallelism;
    }
}
