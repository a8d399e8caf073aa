package dev.gatehouse.server.console.pages;

import dev.gatehouse.core.console.IssuedConsoleSession;
import dev.gatehouse.core.user.LoginProfile;
import dev.gatehouse.server.console.ConsolePaths;
import dev.gatehouse.server.console.ConsoleRequest;
import java.util.Optional;

/** The console session of a principal that has just set its own password in it. */
final class SessionAfterPasswordChange {

    private SessionAfterPasswordChange() {
    }

    /**
     * Hands the browser the session that goes on after the password became {@code changed}; or, where
     * an administrator replaced or removed that password again meanwhile, which ended every session
     * of the principal, signs the browser out and sends it to the sign-in page.
     *
     * @return whether the session goes on; if not, the response is already the redirect
     */
    static boolean renew(ConsoleRequest request, LoginProfile changed) {
        Optional<IssuedConsoleSession> renewed = request.console().sessions().passwordChanged(request.session(), changed);
        if (renewed.isEmpty()) {
            request.endSession();
            request.redirect(ConsolePaths.SIGN_IN + "?password-replaced=1");
            return false;
        }
        request.startSession(renewed.get());
        return true;
    }
}
