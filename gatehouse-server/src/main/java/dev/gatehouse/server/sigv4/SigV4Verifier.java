package dev.gatehouse.server.sigv4;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies AWS Signature Version 4, in the Authorization header or in a presigned URL, the way AWS
 * does: the canonical request rebuilt from what arrived, the signature compared in constant time,
 * the request time within 15 minutes of the server's clock, the key active, and temporary keys
 * accompanied by their session token and not expired.
 */
public final class SigV4Verifier<P> {

    /** AWS refuses requests signed more than 15 minutes before or after its own clock. */
    static final Duration ALLOWED_CLOCK_SKEW = Duration.ofMinutes(15);

    private final Clock clock;
    private final CredentialLookup<P> credentials;
    private final Set<String> services;
    private final SigningKeyCache signingKeys = new SigningKeyCache();

    /**
     * @param services the signing names this endpoint serves, such as {@code iam} and {@code sts}
     */
    public SigV4Verifier(Clock clock, CredentialLookup<P> credentials, Set<String> services) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.services = Set.copyOf(services);
    }

    /**
     * Verifies {@code request}.
     *
     * @param query the request's decoded query parameters, in order
     * @throws AuthenticationFailure with AWS's code for whatever is wrong
     */
    public VerifiedRequest<P> verify(SignableRequest request, List<Map.Entry<String, String>> query) {
        SigV4Authorization authorization = SigV4Authorization.of(request, query);
        if (!services.contains(authorization.scope().service())) {
            throw AuthenticationFailure.incompleteSignature("Credential should be scoped to correct service: '"
                    + String.join("' or '", services.stream().sorted().toList()) + "'.");
        }
        SigningCredential<P> credential = credentials.find(authorization.accessKeyId())
                .filter(SigningCredential::active)
                .orElseThrow(AuthenticationFailure::invalidClientTokenId);

        String payloadHash = payloadHash(request);
        String canonicalRequest = CanonicalRequest.of(request, query, authorization, payloadHash);
        String stringToSign = SigV4Signer.stringToSign(authorization.amzDate(), authorization.scope(), canonicalRequest);
        byte[] expected = SigV4Signer.signature(signingKeys.signingKey(credential.secretAccessKey(), authorization.scope()),
                stringToSign);
        if (!MessageDigest.isEqual(expected, authorization.signature())) {
            throw AuthenticationFailure.signatureDoesNotMatch();
        }

        checkSessionToken(credential, authorization.securityToken());
        if (credential.expiresAt().filter(expiry -> !clock.instant().isBefore(expiry)).isPresent()) {
            throw AuthenticationFailure.expiredToken();
        }
        // Last, so that expired credentials are named as such even when the request is old too.
        checkTime(authorization);
        return new VerifiedRequest<>(credential.principal(), credential.accessKeyId(),
                authorization.scope().region(), authorization.scope().service());
    }

    private void checkTime(SigV4Authorization authorization) {
        Instant now = clock.instant();
        Instant signed = authorization.requestTime();
        if (signed.isAfter(now.plus(ALLOWED_CLOCK_SKEW))) {
            throw AuthenticationFailure.signatureNotYetCurrent(authorization.amzDate() + " is still later than "
                    + SigV4Authorization.AMZ_DATE.format(now.plus(ALLOWED_CLOCK_SKEW)) + " ("
                    + SigV4Authorization.AMZ_DATE.format(now) + " + 15 min.)");
        }
        Instant oldestAccepted = authorization.expires()
                .map(signed::plus)
                .orElse(signed.plus(ALLOWED_CLOCK_SKEW));
        if (now.isAfter(oldestAccepted)) {
            throw AuthenticationFailure.signatureExpired(authorization.amzDate() + " is now earlier than "
                    + SigV4Authorization.AMZ_DATE.format(now.minus(ALLOWED_CLOCK_SKEW)) + " ("
                    + SigV4Authorization.AMZ_DATE.format(now) + " - 15 min.)");
        }
    }

    /**
     * The hash the signature covers: of the body as received. A client's own claim in
     * X-Amz-Content-Sha256 must agree with it, or the body was changed on the way.
     */
    private static String payloadHash(SignableRequest request) {
        String actual = CanonicalRequest.sha256Hex(request.body());
        Optional<String> claimed = request.header("x-amz-content-sha256");
        if (claimed.isPresent() && !claimed.get().equalsIgnoreCase(actual)) {
            throw AuthenticationFailure.signatureDoesNotMatch();
        }
        return actual;
    }

    private static void checkSessionToken(SigningCredential<?> credential, Optional<String> presented) {
        boolean temporary = credential.sessionToken().isPresent();
        // A token with a long-term key, or a temporary key without its own token, is as good as no key.
        if (temporary != presented.isPresent()
                || (temporary && !credential.sessionToken().get().matches(presented.get()))) {
            throw AuthenticationFailure.invalidClientTokenId();
        }
    }
}
