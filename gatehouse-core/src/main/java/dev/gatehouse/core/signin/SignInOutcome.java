package dev.gatehouse.core.signin;

/** How the password step of a console sign-in ended. */
public enum SignInOutcome {
    /** Password right and the principal has no MFA device: signed in. */
    SIGNED_IN,
    /** Password right; a code from one of the principal's MFA devices is needed next. */
    MFA_REQUIRED,
    /**
     * Password right, but an IAM user's, expired under a password policy with a hard expiry (AWS's
     * HardExpiry): the console stays closed to it until an administrator resets the password. Its
     * own ChangePassword through the API, signed with an access key, still works, as on AWS.
     */
    EXPIRED,
    /** Unknown principal or wrong password; the two are not told apart. */
    FAILED
}
