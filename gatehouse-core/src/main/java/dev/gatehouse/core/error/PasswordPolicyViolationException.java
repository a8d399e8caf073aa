package dev.gatehouse.core.error;

/** A new password does not meet the account's password policy (400). */
public final class PasswordPolicyViolationException extends GatehouseException {

    public PasswordPolicyViolationException(String message) {
        super(ErrorCode.PASSWORD_POLICY_VIOLATION, message);
    }
}
