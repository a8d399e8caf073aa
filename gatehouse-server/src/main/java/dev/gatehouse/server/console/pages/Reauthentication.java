package dev.gatehouse.server.console.pages;

import dev.gatehouse.core.crypto.Password;
import dev.gatehouse.server.console.ConsoleContext;
import dev.gatehouse.server.console.ConsoleRequest;
import java.time.Duration;
import java.time.Instant;

/**
 * The caller's own password, typed again before a sensitive change (removing an MFA device, one's
 * own or a user's; setting or removing a user's console password), so that a session left open is
 * not enough to strip a second factor. Checked by
 * {@link dev.gatehouse.core.signin.SignInService#reauthenticate}, throttled with the sign-in and
 * audited there; once accepted, it holds for {@link #VALIDITY} on the session.
 */
final class Reauthentication {

    static final Duration VALIDITY = Duration.ofMinutes(5);
    /** The form field of the administrators' confirmation pages. */
    static final String FIELD = "your-password";
    static final String REFUSED = "Your password was not accepted. Type the password you signed in with; after"
            + " several failures, wait a moment first.";

    private final ConsoleContext console;

    Reauthentication(ConsoleContext console) {
        this.console = console;
    }

    /** Whether the caller typed its password again in the last {@link #VALIDITY}: then forms need not ask. */
    boolean recent(ConsoleRequest request) {
        Instant now = console.services().clock().instant();
        return request.session().reauthenticatedAtIfAny().filter(at -> !at.plus(VALIDITY).isBefore(now)).isPresent();
    }

    /** Whether the change may go ahead: recently re-authenticated, or the form's {@link #FIELD} is the caller's password. */
    boolean confirmed(ConsoleRequest request) {
        return confirmed(request, FIELD);
    }

    /** Whether the change may go ahead: recently re-authenticated, or the form's {@code field} is the caller's password. */
    boolean confirmed(ConsoleRequest request, String field) {
        if (recent(request)) {
            return true;
        }
        String typed = request.form(field);
        boolean accepted = !typed.isEmpty() && typed.length() <= Password.MAXIMUM_LENGTH
                && console.services().signIn().reauthenticate(request.principal(), Password.of(typed), request.origin());
        if (accepted) {
            request.sessionChanged(console.sessions().reauthenticated(request.session()));
        }
        return accepted;
    }
}
