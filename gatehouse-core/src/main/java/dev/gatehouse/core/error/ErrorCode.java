package dev.gatehouse.core.error;

/**
 * The AWS error codes the domain can fail with, each with the HTTP status AWS answers it with, so
 * that the API edge maps every {@link GatehouseException} in one place without a table of its own.
 */
public enum ErrorCode {
    NO_SUCH_ENTITY("NoSuchEntity", 404),
    ENTITY_ALREADY_EXISTS("EntityAlreadyExists", 409),
    LIMIT_EXCEEDED("LimitExceeded", 409),
    INVALID_INPUT("InvalidInput", 400),
    VALIDATION_ERROR("ValidationError", 400),
    INVALID_AUTHENTICATION_CODE("InvalidAuthenticationCode", 403),
    DELETE_CONFLICT("DeleteConflict", 409),
    ENTITY_TEMPORARILY_UNMODIFIABLE("EntityTemporarilyUnmodifiable", 409),
    PASSWORD_POLICY_VIOLATION("PasswordPolicyViolation", 400),
    ACCESS_DENIED("AccessDenied", 403),
    INVALID_USER_TYPE("InvalidUserType", 400),
    REPORT_NOT_PRESENT("ReportNotPresent", 410),
    REPORT_EXPIRED("ReportExpired", 410),
    SERVICE_FAILURE("ServiceFailure", 500);

    private final String awsCode;
    private final int httpStatus;

    ErrorCode(String awsCode, int httpStatus) {
        this.awsCode = awsCode;
        this.httpStatus = httpStatus;
    }

    /** The code as AWS writes it in {@code <Error><Code>}. */
    public String awsCode() {
        return awsCode;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
