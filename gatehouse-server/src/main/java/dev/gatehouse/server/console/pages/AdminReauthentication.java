package dev.gatehouse.server.console.pages;

import dev.gatehouse.core.crypto.Password;
import dev.gatehouse.server.console.ConsoleContext;
import dev.gatehouse.server.console.ConsoleRequest;
import java.time.Duration;
import java.time.Instant;

/**
 * The administrator's own password, typed again before a sensitive change to another user's
 * credentials (removing an MFA device, setting or removing a console password), so that a session
 * left open is not enough to strip a user's second factor. Checked by
 * {@link dev.gatehouse.core.signin.SignInService#reauthenticate}, throttled and audited there; once
 * accepted, it holds for a few minutes on the session.
 */
final class AdminReauthentication {

    static final Duration VALIDITY = Duration.ofMinutes(5);
    /** The form field with the caller's own password. */
    static final String FIELD = "your-password";
    static final String REFUSED = "Your password was not accepted. Type the password you signed in with; after"
            + " several failures, wait a moment first.";

    private final ConsoleContext console;

    AdminReauthentication(ConsoleContext console) {
        this.console = console;
    }

    /** Whether the caller typed its password again in the last {@link #VALIDITY}: then forms need not ask. */
    boolean recent(ConsoleRequest request) {
        Instant now = console.services().clock().instant();
        return request.session().reauthenticatedAtIfAny().filter(at -> !at.plus(VALIDITY).isBefore(now)).isPresent();
    }

    /** Whether the change may go ahead: recently re-authenticated, or the form's password is the caller's. */
    boolean confirmed(ConsoleRequest request) {
        if (recent(request)) {
            return true;
        }
        String typed = request.form(FIELD);
        boolean accepted = !typed.isEmpty() && typed.length() <= 128
                && console.services().signIn().reauthenticate(request.principal(), Password.of(typed), request.origin());
        if (accepted) {
            request.sessionChanged(console.sessions().reauthenticated(request.session()));
        }
        return accepted;
    }
}
