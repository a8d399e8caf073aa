package dev.gatehouse.core.signin;

/** How the password step of a console sign-in ended. */
public enum SignInOutcome {
    /** Password right and the principal has no MFA device: signed in. */
    SIGNED_IN,
    /** Password right; a code from one of the principal's MFA devices is needed next. */
    MFA_REQUIRED,
    /** Unknown principal or wrong password; the two are not told apart. */
    FAILED
}
