package dev.gatehouse.server.sigv4;

/**
 * A request whose signature or credentials are not acceptable, with the AWS error code, message
 * and HTTP status that AWS answers in the same case.
 */
public final class AuthenticationFailure extends RuntimeException {

    private final String code;
    private final int status;

    private AuthenticationFailure(String code, int status, String message) {
        super(message);
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    static AuthenticationFailure missingAuthenticationToken() {
        return new AuthenticationFailure("MissingAuthenticationToken", 403, "Request is missing Authentication Token");
    }

    static AuthenticationFailure incompleteSignature(String detail) {
        return new AuthenticationFailure("IncompleteSignature", 400, detail);
    }

    static AuthenticationFailure invalidClientTokenId() {
        return new AuthenticationFailure("InvalidClientTokenId", 403,
                "The security token included in the request is invalid.");
    }

    static AuthenticationFailure expiredToken() {
        return new AuthenticationFailure("ExpiredToken", 403, "The security token included in the request is expired");
    }

    static AuthenticationFailure signatureDoesNotMatch() {
        return new AuthenticationFailure("SignatureDoesNotMatch", 403,
                "The request signature we calculated does not match the signature you provided. "
                        + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
    }

    static AuthenticationFailure signatureExpired(String detail) {
        return new AuthenticationFailure("SignatureDoesNotMatch", 403, "Signature expired: " + detail);
    }

    static AuthenticationFailure signatureNotYetCurrent(String detail) {
        return new AuthenticationFailure("SignatureDoesNotMatch", 403, "Signature not yet current: " + detail);
    }
}
