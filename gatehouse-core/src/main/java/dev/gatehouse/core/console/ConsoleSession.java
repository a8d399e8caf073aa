package dev.gatehouse.core.console;

import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.mfa.SerialNumber;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A console session as stored: who, how far the sign-in has come, whether and with which device
 * MFA was proved, and the times the timeouts and re-authentication are judged by.
 *
 * @param digest the SHA-256 of the session ID (see {@link ConsoleSessionId#digest()})
 * @param mfaSerial the device whose code completed the sign-in; {@code null} without MFA
 * @param passwordChangeRequired the password was reset by an administrator or has expired: the
 *     console lets the principal do nothing else until it is changed
 * @param createdAt when the password was accepted; the absolute timeout counts from here
 * @param authenticatedAt when the sign-in completed; {@code null} while {@link ConsoleSessionState#PENDING_MFA}
 * @param reauthenticatedAt when the password was last typed again before a sensitive change;
 *     {@code null} if never
 * @param csrfSecret random, base64url; the session's CSRF token is derived from it
 */
public record ConsoleSession(String digest, PrincipalRef principal, ConsoleSessionState state, SerialNumber mfaSerial,
        boolean passwordChangeRequired, Instant createdAt, Instant authenticatedAt, Instant lastSeenAt,
        Instant reauthenticatedAt, String csrfSecret) {

    public ConsoleSession {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(csrfSecret, "csrfSecret");
        if ((state == ConsoleSessionState.AUTHENTICATED) != (authenticatedAt != null)) {
            throw new IllegalArgumentException("an authentication time goes with an authenticated session, and only with one");
        }
    }

    public boolean isAuthenticated() {
        return state == ConsoleSessionState.AUTHENTICATED;
    }

    /** Whether the sign-in was completed with a code, which the console carries as the API's MFA sessions do. */
    public boolean mfaUsed() {
        return mfaSerial != null;
    }

    public Optional<SerialNumber> mfaSerialIfAny() {
        return Optional.ofNullable(mfaSerial);
    }

    public Optional<Instant> authenticatedAtIfAny() {
        return Optional.ofNullable(authenticatedAt);
    }

    public Optional<Instant> reauthenticatedAtIfAny() {
        return Optional.ofNullable(reauthenticatedAt);
    }

    /** When the session ends unless a request comes first. */
    public Instant expiresAt(ConsoleSessionLimits limits) {
        Instant idleEnd = lastSeenAt.plus(limits.idle());
        Instant absoluteEnd = createdAt.plus(limits.absolute());
        return idleEnd.isBefore(absoluteEnd) ? idleEnd : absoluteEnd;
    }

    public boolean hasExpired(ConsoleSessionLimits limits, Instant now) {
        return !now.isBefore(expiresAt(limits));
    }

    /**
     * The synchronizer token that every form of this session carries: an HMAC of the stored
     * secret, so the value in pages is never the value in the database.
     */
    public String csrfToken() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getUrlDecoder().decode(csrfSecret), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal("gatehouse console csrf".getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new AssertionError("HmacSHA256 is available on every Java platform", e);
        }
    }

    /** Whether {@code presented} is this session's CSRF token, compared in constant time. */
    public boolean csrfTokenMatches(String presented) {
        return presented != null && MessageDigest.isEqual(csrfToken().getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    ConsoleSession seenAt(Instant now) {
        return new ConsoleSession(digest, principal, state, mfaSerial, passwordChangeRequired, createdAt, authenticatedAt,
                now, reauthenticatedAt, csrfSecret);
    }

    @Override
    public String toString() {
        return "ConsoleSession[" + principal + ", " + state + ", mfa=" + mfaSerial + ", created " + createdAt
                + ", last seen " + lastSeenAt + ", secrets redacted]";
    }
}
