package dev.gatehouse.server.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The session token that temporary credentials require with every request. The server keeps
 * only what it needs to recognise the token (a digest, say), so this is a check, not a value.
 */
@FunctionalInterface
public interface SessionToken {

    /** Whether {@code presented} is the token, compared in constant time. */
    boolean matches(String presented);

    /** A token known in full, as a client holds it; for tests and tools. */
    static SessionToken of(String token) {
        byte[] expected = token.getBytes(StandardCharsets.UTF_8);
        return presented -> MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8));
    }
}
