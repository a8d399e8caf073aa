package dev.gatehouse.server.console.pages;

import dev.gatehouse.core.Page;
import dev.gatehouse.core.Tags;
import dev.gatehouse.core.crypto.Password;
import dev.gatehouse.core.error.GatehouseException;
import dev.gatehouse.core.user.IamPath;
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.core.user.UserCredentialSummary;
import dev.gatehouse.core.user.UserName;
import dev.gatehouse.server.api.Arns;
import dev.gatehouse.server.console.Access;
import dev.gatehouse.server.console.ConsoleContext;
import dev.gatehouse.server.console.ConsoleErrors;
import dev.gatehouse.server.console.ConsolePages;
import dev.gatehouse.server.console.ConsolePaths;
import dev.gatehouse.server.console.ConsoleRequest;
import dev.gatehouse.server.console.ConsoleRoutes;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Users list (whether each user has MFA, when its password and keys were last used) and
 * "Create user" with an optional console password, for the root user and administrators: the
 * API's ListUsers, CreateUser and CreateLoginProfile, authorized the same way.
 */
public final class UsersPages implements ConsolePages {

    /** Users per page of the list. */
    static final int PAGE_SIZE = 20;
    private static final String NEW_USER_ROUTE = ConsolePaths.NEW_USER.substring(ConsolePaths.ROOT.length());
    static final String NOT_ALLOWED = "Users are managed by the root user and administrators; you may manage your own"
            + " credentials on the Security credentials page.";

    private final ConsoleContext console;
    private final ConsolePasswordGenerator generator = new ConsolePasswordGenerator();

    public UsersPages(ConsoleContext console) {
        this.console = console;
    }

    @Override
    public void addTo(ConsoleRoutes routes) {
        routes.get("/users", Access.SIGNED_IN, this::list);
        routes.get(NEW_USER_ROUTE, Access.SIGNED_IN, request -> {
            if (!refusedUnlessAdministering(request)) {
                form(request, HttpStatus.OK, "", "", "custom", true);
            }
        });
        routes.post(NEW_USER_ROUTE, Access.SIGNED_IN, this::create);
    }

    /** One line of the list. */
    public record Row(String name, String href, boolean mfa, String passwordText, String keysText, Instant created) {

        static Row of(UserCredentialSummary summary) {
            String name = summary.user().name().value();
            String password = summary.passwordEnabled()
                    ? "Enabled, last used " + ConsoleTimes.format(summary.passwordLastUsed(), "never") : "Not enabled";
            int keys = summary.accessKeyCount();
            String keysText = keys == 0 ? "None" : keys + (keys == 1 ? " key" : " keys") + ", last used "
                    + ConsoleTimes.format(summary.accessKeysLastUsed(), "never");
            return new Row(name, ConsolePaths.user(name), summary.mfaEnabled(), password, keysText,
                    summary.user().createdAt());
        }
    }

    /** Renders the 403 page for a caller who may not see the users; true if it did. */
    static boolean refusedUnlessAdministering(ConsoleRequest request) {
        return request.refusedUnless(request.seesUsers(), NOT_ALLOWED);
    }

    private void list(ConsoleRequest request) {
        if (refusedUnlessAdministering(request)) {
            return;
        }
        Optional<String> marker = Optional.of(request.query("marker")).filter(text -> !text.isEmpty());
        // One read for the page's users and their credentials, not one per user and credential.
        Page<UserCredentialSummary> page = console.services().users().listUsersWithCredentials(request.account().id(),
                marker, PAGE_SIZE);
        List<Row> rows = page.items().stream().map(Row::of).toList();
        Map<String, Object> params = new HashMap<>();
        params.put("rows", rows);
        params.put("next", page.nextMarker().map(next -> ConsolePaths.USERS + "?marker=" + next));
        params.put("first", marker.isPresent());
        params.put("notice", request.query("done").equals("user-deleted") ? "The user was deleted." : "");
        request.render("admin/users.jte", "Users", params);
    }

    private void create(ConsoleRequest request) {
        if (refusedUnlessAdministering(request)) {
            return;
        }
        String typedName = request.form("username").strip();
        String mode = request.form("password-mode");
        boolean resetRequired = !request.form("require-reset").isEmpty();
        UserName name;
        try {
            name = UserName.of(typedName);
        } catch (GatehouseException invalid) {
            form(request, HttpStatus.BAD_REQUEST, "The user name must be 1 to 64 letters, digits and + = , . @ _ -.",
                    typedName, mode, resetRequired);
            return;
        }
        request.require("iam:CreateUser", Arns.user(request.account().id(), name), Optional.empty());
        if (mode.equals("custom") && request.form("password").isEmpty()) {
            form(request, HttpStatus.BAD_REQUEST, ConsolePasswordGenerator.NO_PASSWORD_TYPED, typedName, mode,
                    resetRequired);
            return;
        }
        Optional<Password> password;
        try {
            password = switch (mode) {
                case "custom" -> Optional.of(Password.of(request.form("password")));
                case "autogenerated" -> Optional.of(generator.generate(request.account().passwordPolicy()));
                default -> Optional.empty();
            };
        } catch (GatehouseException tooLong) {
            form(request, ConsoleErrors.status(tooLong), ConsoleErrors.message(tooLong), typedName, mode, resetRequired);
            return;
        }
        if (password.isPresent()) {
            request.require("iam:CreateLoginProfile", Arns.user(request.account().id(), name), Optional.empty());
        }
        IamUser user;
        try {
            user = console.services().users().createUser(request.account().id(), name, IamPath.ROOT, Tags.NONE,
                    request.origin());
        } catch (GatehouseException refused) {
            form(request, ConsoleErrors.status(refused), ConsoleErrors.message(refused), typedName, mode, resetRequired);
            return;
        }
        if (password.isPresent()) {
            try {
                console.services().passwords().createLoginProfile(user.principal(), password.get(), resetRequired,
                        request.origin());
            } catch (GatehouseException refused) {
                // A user without the password asked for is not what was asked: nothing stays half-made.
                console.services().users().deleteUser(request.account().id(), name, request.origin());
                form(request, ConsoleErrors.status(refused), ConsoleErrors.message(refused), typedName, mode,
                        resetRequired);
                return;
            }
        }
        Map<String, Object> params = new HashMap<>();
        params.put("userName", user.name().value());
        params.put("userHref", ConsolePaths.user(user.name().value()));
        params.put("notice", "User " + user.name() + " created" + (password.isPresent()
                ? " with a console password" + (resetRequired ? "; they must choose a new one at first sign-in." : ".")
                : ", without a console password."));
        params.put("password", mode.equals("autogenerated") ? password.map(Password::reveal) : Optional.empty());
        params.put("signInHint", password.isPresent()
                ? Optional.of("They sign in as an IAM user with the account " + request.account().aliasIfAny()
                        .map(Object::toString).orElse(request.account().id().value()) + " and the user name " + user.name() + ".")
                : Optional.empty());
        request.render("admin/password-shown.jte", "User created", params);
    }

    private void form(ConsoleRequest request, HttpStatus status, String error, String userName, String mode,
            boolean resetRequired) {
        Map<String, Object> params = new HashMap<>();
        params.put("error", error);
        params.put("userName", userName);
        params.put("mode", mode.isEmpty() ? "custom" : mode);
        params.put("resetRequired", resetRequired);
        params.put("policy", request.account().passwordPolicy());
        request.render(status, "admin/user-new.jte", "Create user", params);
    }
}
