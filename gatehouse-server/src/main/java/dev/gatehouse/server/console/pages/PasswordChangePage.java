package dev.gatehouse.server.console.pages;

import dev.gatehouse.core.crypto.Password;
import dev.gatehouse.core.error.GatehouseException;
import dev.gatehouse.server.console.Access;
import dev.gatehouse.server.console.ConsoleContext;
import dev.gatehouse.server.console.ConsoleErrors;
import dev.gatehouse.server.console.ConsolePages;
import dev.gatehouse.server.console.ConsolePaths;
import dev.gatehouse.server.console.ConsoleRequest;
import dev.gatehouse.server.console.ConsoleRoutes;
import io.javalin.http.HttpStatus;
import java.util.Map;

/**
 * The password change a principal must make before anything else when an administrator reset
 * its password with "require reset" or the account's policy let it expire (AWS's
 * "Password change required"). Everything else in the console sends it here until it is done.
 */
public final class PasswordChangePage implements ConsolePages {

    private final ConsoleContext console;

    public PasswordChangePage(ConsoleContext console) {
        this.console = console;
    }

    @Override
    public void addTo(ConsoleRoutes routes) {
        routes.get("/change-password", Access.PASSWORD_CHANGE, request -> render(request, HttpStatus.OK, ""));
        routes.post("/change-password", Access.PASSWORD_CHANGE, this::change);
    }

    private void change(ConsoleRequest request) {
        String fresh = request.form("new");
        if (!fresh.equals(request.form("confirm"))) {
            render(request, HttpStatus.BAD_REQUEST, "The two new passwords are not the same.");
            return;
        }
        try {
            console.services().passwords().changePassword(request.principal(), Password.of(request.form("current")),
                    Password.of(fresh), request.origin());
        } catch (GatehouseException refused) {
            render(request, ConsoleErrors.status(refused), refused.getMessage());
            return;
        }
        request.sessionChanged(console.sessions().passwordChanged(request.session()));
        request.redirect(ConsolePaths.DASHBOARD);
    }

    private void render(ConsoleRequest request, HttpStatus status, String error) {
        request.render(status, "change-password.jte", "Change your password",
                Map.of("required", request.session().passwordChangeRequired(), "error", error));
    }
}
