package dev.gatehouse.core.console;

/** How far a console sign-in has come. */
public enum ConsoleSessionState {
    /** The password was right; a code from one of the principal's MFA devices is still owed. */
    PENDING_MFA,
    /** Signed in: the password, and the code where the principal has MFA. */
    AUTHENTICATED
}
