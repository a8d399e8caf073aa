package dev.gatehouse.server.console.pages;

import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.account.AccountAlias;
import dev.gatehouse.core.account.EmailAddress;
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
import java.util.Optional;

/**
 * Sign-up: a new account with its root user's e-mail address and password and an optional
 * alias, made by {@link dev.gatehouse.core.account.AccountService} as {@code gatehouse account
 * create} makes it. Then the new root user signs in like anyone else. The operator turns it off
 * with {@code serve --no-sign-up}: the page says so and the POST is refused.
 */
public final class SignUpPages implements ConsolePages {

    public static final String DISABLED = "Sign-up is turned off on this Gatehouse. Ask its operator for an account.";

    private final ConsoleContext console;

    public SignUpPages(ConsoleContext console) {
        this.console = console;
    }

    @Override
    public void addTo(ConsoleRoutes routes) {
        routes.get("/signup", Access.PUBLIC, this::form);
        routes.post("/signup", Access.PUBLIC, this::signUp);
    }

    private void form(ConsoleRequest request) {
        if (!console.settings().signUpEnabled()) {
            render(request, HttpStatus.FORBIDDEN, DISABLED, "", "");
            return;
        }
        render(request, HttpStatus.OK, "", "", "");
    }

    private void signUp(ConsoleRequest request) {
        if (!console.settings().signUpEnabled()) {
            render(request, HttpStatus.FORBIDDEN, DISABLED, "", "");
            return;
        }
        String email = request.form("email").strip();
        String alias = request.form("alias").strip();
        String password = request.form("password");
        if (!password.equals(request.form("confirm"))) {
            render(request, HttpStatus.BAD_REQUEST, "The two passwords are not the same.", email, alias);
            return;
        }
        try {
            Account account = console.services().accounts().createAccount(EmailAddress.of(email),
                    alias.isEmpty() ? Optional.empty() : Optional.of(AccountAlias.of(alias)), Password.of(password),
                    request.origin());
            request.redirect(ConsolePaths.SIGN_IN + "?created=" + account.id());
        } catch (GatehouseException refused) {
            render(request, ConsoleErrors.status(refused), ConsoleErrors.message(refused), email, alias);
        }
    }

    private void render(ConsoleRequest request, HttpStatus status, String error, String email, String alias) {
        request.render(status, "signup.jte", "Sign up", Map.of("enabled", console.settings().signUpEnabled(),
                "error", error, "email", email, "alias", alias));
    }
}
