package dev.gatehouse.server.console;

/**
 * Who may reach a console route. {@link ConsoleRoutes} enforces it before the handler runs:
 * a request without the session a route needs is sent to the sign-in page, and every POST must
 * carry the right CSRF token, the session's or, on public forms, the pre-session one.
 */
public enum Access {
    /** Anyone: sign-in and sign-up. POSTs carry the pre-session token (so login CSRF fails too). */
    PUBLIC,
    /** Any session, whatever its state: sign-out. */
    ANY_SESSION,
    /** A session whose password step passed and whose code is still owed: the MFA page. */
    AWAITING_MFA,
    /** Signed in, even while a password change is forced: the password change page. */
    PASSWORD_CHANGE,
    /** Signed in, with no password change due: every other page. */
    SIGNED_IN
}
