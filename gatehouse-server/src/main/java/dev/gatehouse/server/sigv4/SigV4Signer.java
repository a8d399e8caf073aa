package dev.gatehouse.server.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Computes SigV4 signatures: the signing-key derivation and the final HMAC. */
public final class SigV4Signer {

    private SigV4Signer() {
    }

    /** The string to sign for a canonical request made at {@code amzDate} within {@code scope}. */
    static String stringToSign(String amzDate, CredentialScope scope, String canonicalRequest) {
        return SigV4Authorization.ALGORITHM + '\n' + amzDate + '\n' + scope + '\n'
                + CanonicalRequest.sha256Hex(canonicalRequest);
    }

    /** HMAC-SHA256 of {@code stringToSign} under a derived {@code signingKey}. */
    static byte[] signature(byte[] signingKey, String stringToSign) {
        return hmac(signingKey, stringToSign);
    }

    /** The key derived from the secret and the scope, which signs every request in that scope. */
    static byte[] signingKey(String secretAccessKey, CredentialScope scope) {
        byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8),
                CredentialScope.formatDate(scope.date()));
        key = hmac(key, scope.region());
        key = hmac(key, scope.service());
        return hmac(key, "aws4_request");
    }

    // Looking a Mac up through the JCA providers costs more than the HMAC of a string to sign; each
    // thread keeps one, which init() resets for every key.
    private static final ThreadLocal<Mac> HMAC_SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new AssertionError("Every Java platform has HmacSHA256", e);
        }
    });

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = HMAC_SHA256.get();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new AssertionError("Every Java platform has HmacSHA256", e);
        }
    }
}
