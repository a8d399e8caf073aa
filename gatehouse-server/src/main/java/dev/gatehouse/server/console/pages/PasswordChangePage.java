package dev.gatehouse.server.console.pages;

import dev.gatehouse.core.crypto.Password;
import dev.gatehouse.core.error.AccessDeniedException;
import dev.gatehouse.core.error.GatehouseException;
import dev.gatehouse.core.error.ValidationException;
import dev.gatehouse.core.user.LoginProfile;
import dev.gatehouse.server.console.Access;
import dev.gatehouse.server.console.ConsoleContext;
import dev.gatehouse.server.console.ConsoleErrors;
import dev.gatehouse.server.console.ConsolePages;
import dev.gatehouse.server.console.ConsolePaths;
import dev.gatehouse.server.console.ConsoleRequest;
import dev.gatehouse.server.console.ConsoleRoutes;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;

/**
 * One's own password change, in its two places: the change a principal must make before anything
 * else when an administrator reset its password with "require reset" or the account's policy let
 * it expire (AWS's "Password change required"; everything else in the console sends it here until it
 * is done), and the change it asks for on its Security credentials. Both are the domain's
 * ChangePassword, which checks the current password under the sign-in's throttle and ends the
 * principal's console sessions; this one goes on under a new session ID, unless the password was
 * replaced or removed again in the moment after the change, which signs the browser out.
 */
public final class PasswordChangePage implements ConsolePages {

    static final String WRONG_CURRENT = "The current password is not correct. After several wrong attempts, wait"
            + " a moment before trying again.";

    /** Where the form is, and where it leads. */
    private enum Place {
        FORCED(ConsolePaths.CHANGE_PASSWORD, "change-password", ConsolePaths.DASHBOARD, Optional.empty()),
        SECURITY_CREDENTIALS(ConsolePaths.UPDATE_PASSWORD, "update-password",
                ConsolePaths.withQuery(ConsolePaths.SECURITY_CREDENTIALS, "done", "password-changed"),
                Optional.of(ConsolePaths.SECURITY_CREDENTIALS));

        final String action;
        final String formId;
        final String after;
        final Optional<String> cancelHref;

        Place(String action, String formId, String after, Optional<String> cancelHref) {
            this.action = action;
            this.formId = formId;
            this.after = after;
            this.cancelHref = cancelHref;
        }
    }

    private final ConsoleContext console;

    public PasswordChangePage(ConsoleContext console) {
        this.console = console;
    }

    @Override
    public void addTo(ConsoleRoutes routes) {
        routes.get("/change-password", Access.PASSWORD_CHANGE, request -> render(request, Place.FORCED, HttpStatus.OK, ""));
        routes.post("/change-password", Access.PASSWORD_CHANGE, request -> change(request, Place.FORCED));
        routes.get("/security-credentials/password", Access.SIGNED_IN,
                request -> render(request, Place.SECURITY_CREDENTIALS, HttpStatus.OK, ""));
        routes.post("/security-credentials/password", Access.SIGNED_IN, request -> {
            OwnCredentials.require(request, "iam:ChangePassword");
            change(request, Place.SECURITY_CREDENTIALS);
        });
    }

    private void change(ConsoleRequest request, Place place) {
        // A session opened before the password expired under a hard expiry: the console may not set a new one.
        if (console.services().passwords().locksOutOfConsole(request.principal())) {
            render(request, place, HttpStatus.FORBIDDEN, SignInPages.EXPIRED);
            return;
        }
        String fresh = request.form("new");
        if (!fresh.equals(request.form("confirm"))) {
            render(request, place, HttpStatus.BAD_REQUEST, "The new password and its confirmation are not the same.");
            return;
        }
        LoginProfile changed;
        try {
            changed = console.services().passwords().changePassword(request.principal(), current(request),
                    Password.of(fresh), request.origin());
        } catch (AccessDeniedException wrongPassword) {
            render(request, place, HttpStatus.FORBIDDEN, WRONG_CURRENT);
            return;
        } catch (GatehouseException refused) {
            // Throttled, or the policy's refusal, which names every rule the new password breaks.
            render(request, place, ConsoleErrors.status(refused), ConsoleErrors.message(refused));
            return;
        }
        if (!SessionAfterPasswordChange.renew(request, changed)) {
            return;
        }
        request.redirect(place.after);
    }

    /** The current password as typed; one no password can be (empty, overlong) is simply wrong. */
    private static Password current(ConsoleRequest request) {
        try {
            return Password.of(request.form("current"));
        } catch (ValidationException unusable) {
            throw new AccessDeniedException("The old password is not correct.");
        }
    }

    private void render(ConsoleRequest request, Place place, HttpStatus status, String error) {
        request.render(status, "password-change.jte", "Change your password", Map.of("action", place.action,
                "formId", place.formId, "required", request.session().passwordChangeRequired(),
                "cancelHref", place.cancelHref, "policy", PasswordPolicyText.describe(request.account().passwordPolicy()),
                "error", error));
    }
}
