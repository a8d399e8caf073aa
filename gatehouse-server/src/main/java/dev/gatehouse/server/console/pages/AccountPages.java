package dev.gatehouse.server.console.pages;

import dev.gatehouse.core.Page;
import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.account.AccountAlias;
import dev.gatehouse.core.account.PasswordPolicy;
import dev.gatehouse.core.audit.AuditAction;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.error.GatehouseException;
import dev.gatehouse.core.error.ValidationException;
import dev.gatehouse.core.signin.SignInHistory;
import dev.gatehouse.server.api.Arns;
import dev.gatehouse.server.console.Access;
import dev.gatehouse.server.console.ConsoleContext;
import dev.gatehouse.server.console.ConsoleErrors;
import dev.gatehouse.server.console.ConsolePages;
import dev.gatehouse.server.console.ConsolePaths;
import dev.gatehouse.server.console.ConsoleRequest;
import dev.gatehouse.server.console.ConsoleRoutes;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Account page for the root user and administrators: the account ID and alias
 * (CreateAccountAlias, DeleteAccountAlias), the password policy (UpdateAccountPasswordPolicy,
 * DeleteAccountPasswordPolicy) and the sign-in history read from the audit log.
 */
public final class AccountPages implements ConsolePages {

    /** Sign-in events per page of the history. */
    static final int HISTORY_PAGE_SIZE = 25;
    /** The history is the audit log's: what AWS guards as CloudTrail's LookupEvents. */
    static final String HISTORY_ACTION = "cloudtrail:LookupEvents";
    static final String NOT_ALLOWED = "The account's settings are managed by the root user and administrators.";
    private static final String ALIAS_RULES = "An account alias is 3 to 63 lower-case letters, digits and hyphens,"
            + " starts and ends with a letter or digit, has no two hyphens in a row and is not only digits.";
    private static final Map<String, String> NOTICES = Map.of(
            "alias-set", "The account alias is set: IAM users can sign in with it instead of the account ID.",
            "alias-deleted", "The account alias was deleted: IAM users sign in with the account ID.",
            "policy-set", "The password policy is saved. It applies to passwords set from now on.",
            "policy-deleted", "The account's password policy was deleted: AWS's default rules apply again.");

    private final ConsoleContext console;
    private final SignInHistory history;

    public AccountPages(ConsoleContext console) {
        this.console = console;
        this.history = new SignInHistory(console.services().store());
    }

    @Override
    public void addTo(ConsoleRoutes routes) {
        routes.get("/account", Access.SIGNED_IN, request -> show(request, HttpStatus.OK, ""));
        routes.post("/account/alias", Access.SIGNED_IN, this::setAlias);
        routes.get("/account/alias/delete", Access.SIGNED_IN, this::confirmDeleteAlias);
        routes.post("/account/alias/delete", Access.SIGNED_IN, this::deleteAlias);
        routes.post("/account/password-policy", Access.SIGNED_IN, this::setPolicy);
        routes.get("/account/password-policy/delete", Access.SIGNED_IN, this::confirmDeletePolicy);
        routes.post("/account/password-policy/delete", Access.SIGNED_IN, this::deletePolicy);
    }

    /** One line of the sign-in history. */
    public record SignIn(String time, String principal, String sourceAddress, String userAgent, String result,
            boolean mfaUsed) {

        static SignIn of(AuditEvent event) {
            return new SignIn(ConsoleTimes.format(event.at()), event.actor(), event.origin().sourceAddress(),
                    event.origin().userAgent(), result(event), event.mfaUsed());
        }

        private static String result(AuditEvent event) {
            boolean codeStep = event.action() == AuditAction.SIGN_IN_MFA;
            return switch (event.outcome()) {
                case SUCCESS -> codeStep ? "Signed in (password and MFA code)"
                        : event.detail().equals("MFA required") ? "Password accepted; MFA code asked" : "Signed in (password)";
                case THROTTLED -> "Refused: too many recent failures";
                default -> "Failed: " + event.detail();
            };
        }
    }

    private void show(ConsoleRequest request, HttpStatus status, String error) {
        if (refused(request)) {
            return;
        }
        Account account = request.account();
        Map<String, Object> params = new HashMap<>();
        params.put("accountId", account.id().value());
        params.put("alias", account.aliasIfAny().map(AccountAlias::value));
        params.put("policy", account.passwordPolicy());
        params.put("customPolicy", account.hasCustomPasswordPolicy());
        boolean seesHistory = request.allowed(HISTORY_ACTION, Arns.account(account.id()), Optional.empty());
        Optional<String> marker = Optional.of(request.query("marker")).filter(text -> !text.isEmpty());
        List<SignIn> signIns = List.of();
        Optional<String> next = Optional.empty();
        if (seesHistory) {
            Page<AuditEvent> page = history.list(account.id(), marker, HISTORY_PAGE_SIZE);
            signIns = page.items().stream().map(SignIn::of).toList();
            next = page.nextMarker().map(found -> ConsolePaths.ACCOUNT + "?marker=" + found + "#sign-ins");
        }
        params.put("seesHistory", seesHistory);
        params.put("signIns", signIns);
        params.put("next", next);
        params.put("laterPage", marker.isPresent());
        params.put("error", error);
        params.put("notice", NOTICES.getOrDefault(request.query("done"), ""));
        request.render(status, "admin/account.jte", "Account", params);
    }

    private static boolean refused(ConsoleRequest request) {
        return request.refusedUnless(request.seesAccount(), NOT_ALLOWED);
    }

    private void setAlias(ConsoleRequest request) {
        if (refused(request)) {
            return;
        }
        request.require("iam:CreateAccountAlias", Arns.account(request.account().id()), Optional.empty());
        AccountAlias alias;
        try {
            alias = AccountAlias.of(request.form("alias").strip());
        } catch (ValidationException invalid) {
            show(request, HttpStatus.BAD_REQUEST, ALIAS_RULES);
            return;
        }
        try {
            console.services().accounts().setAlias(request.account().id(), alias, request.origin());
        } catch (GatehouseException refused) {
            show(request, ConsoleErrors.status(refused), ConsoleErrors.message(refused));
            return;
        }
        request.redirect(ConsolePaths.ACCOUNT + "?done=alias-set");
    }

    private void confirmDeleteAlias(ConsoleRequest request) {
        if (refused(request)) {
            return;
        }
        Optional<AccountAlias> alias = request.account().aliasIfAny();
        if (alias.isEmpty()) {
            request.redirect(ConsolePaths.ACCOUNT);
            return;
        }
        confirm(request, "Delete account alias", "Delete the alias " + alias.get() + "? IAM users must then sign in"
                + " with the account ID, and sign-in links with the alias stop working.", "/alias/delete",
                Map.of("alias", alias.get().value()), "Delete alias");
    }

    private void deleteAlias(ConsoleRequest request) {
        if (refused(request)) {
            return;
        }
        request.require("iam:DeleteAccountAlias", Arns.account(request.account().id()), Optional.empty());
        console.services().accounts().deleteAlias(request.account().id(), AccountAlias.of(request.form("alias")),
                request.origin());
        request.redirect(ConsolePaths.ACCOUNT + "?done=alias-deleted");
    }

    private void setPolicy(ConsoleRequest request) {
        if (refused(request)) {
            return;
        }
        request.require("iam:UpdateAccountPasswordPolicy", Arns.account(request.account().id()), Optional.empty());
        PasswordPolicy policy;
        try {
            policy = PasswordPolicy.custom(number(request, "minimum-length", "Minimum password length"),
                    checked(request, "require-symbols"), checked(request, "require-numbers"),
                    checked(request, "require-uppercase"), checked(request, "require-lowercase"),
                    number(request, "reuse-prevention", "Remembered passwords"),
                    number(request, "maximum-age", "Password expiry in days"),
                    checked(request, "allow-users-to-change-password"), checked(request, "hard-expiry"));
        } catch (ValidationException invalid) {
            show(request, HttpStatus.BAD_REQUEST, invalid.getMessage() + ".");
            return;
        }
        console.services().accounts().updatePasswordPolicy(request.account().id(), policy, request.origin());
        request.redirect(ConsolePaths.ACCOUNT + "?done=policy-set");
    }

    private void confirmDeletePolicy(ConsoleRequest request) {
        if (refused(request)) {
            return;
        }
        confirm(request, "Delete password policy", "Delete the account's password policy? AWS's default rules apply"
                + " again: at least 8 characters mixing three of upper-case letters, lower-case letters, digits and"
                + " symbols, no expiry, no reuse check.", "/password-policy/delete", Map.of(), "Delete password policy");
    }

    private void deletePolicy(ConsoleRequest request) {
        if (refused(request)) {
            return;
        }
        request.require("iam:DeleteAccountPasswordPolicy", Arns.account(request.account().id()), Optional.empty());
        console.services().accounts().deletePasswordPolicy(request.account().id(), request.origin());
        request.redirect(ConsolePaths.ACCOUNT + "?done=policy-deleted");
    }

    private static boolean checked(ConsoleRequest request, String field) {
        return !request.form(field).isEmpty();
    }

    /** A whole number typed in a field; empty means 0 (off) as in AWS's console. */
    private static int number(ConsoleRequest request, String field, String label) {
        String text = request.form(field).strip();
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException notANumber) {
            throw new ValidationException(label + " must be a whole number, not \"" + text + "\"");
        }
    }

    private static void confirm(ConsoleRequest request, String heading, String text, String subpath,
            Map<String, String> fields, String button) {
        new Confirmation(heading, text, ConsolePaths.ACCOUNT + subpath, fields, button, ConsolePaths.ACCOUNT)
                .render(request, HttpStatus.OK, false, "");
    }
}
