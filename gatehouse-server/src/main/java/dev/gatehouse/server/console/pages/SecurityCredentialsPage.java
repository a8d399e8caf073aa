package dev.gatehouse.server.console.pages;

import dev.gatehouse.core.crypto.Password;
import dev.gatehouse.core.error.AccessDeniedException;
import dev.gatehouse.core.error.GatehouseException;
import dev.gatehouse.core.mfa.MfaDevice;
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

/**
 * "My security credentials": the signed-in principal's MFA devices and access keys, with links
 * to the Assign MFA device wizard ({@link MfaDevicePages}) and the key actions
 * ({@link AccessKeyPages}), and the password change. After each action the page says what was done;
 * the message is chosen from a fixed list by the {@code done} parameter, so a link cannot make the
 * page say anything else.
 */
public final class SecurityCredentialsPage implements ConsolePages {

    private static final Map<String, String> DONE = Map.of(
            "mfa-resynced", "The MFA device is resynchronized.",
            "mfa-removed", "The MFA device is removed. It is no longer asked for at sign-in.",
            "key-activated", "The access key is active.",
            "key-deactivated", "The access key is inactive: requests signed with it are refused.",
            "key-deleted", "The access key is deleted.",
            "password-changed", "Your password is changed.");

    private static final String WRONG_CURRENT = "The current password is not correct. After several wrong attempts, wait"
            + " a moment before trying again.";

    private final ConsoleContext console;
    private final OwnCredentials own;

    public SecurityCredentialsPage(ConsoleContext console) {
        this.console = console;
        this.own = new OwnCredentials(console);
    }

    @Override
    public void addTo(ConsoleRoutes routes) {
        routes.get("/security-credentials", Access.SIGNED_IN, this::show);
        routes.get("/security-credentials/password", Access.SIGNED_IN, request -> passwordForm(request, HttpStatus.OK, ""));
        routes.post("/security-credentials/password", Access.SIGNED_IN, this::changePassword);
    }

    private void show(ConsoleRequest request) {
        OwnCredentials.require(request, "iam:ListMFADevices");
        OwnCredentials.require(request, "iam:ListAccessKeys");
        List<MfaDevice> devices = own.devices(request.principal());
        Map<String, Object> params = new HashMap<>();
        params.put("devices", devices.stream().map(device -> MfaDeviceRow.of(device,
                ConsolePaths.withQuery(ConsolePaths.RESYNC_MFA, "serial", device.serial().value()),
                ConsolePaths.withQuery(ConsolePaths.REMOVE_MFA, "serial", device.serial().value()))).toList());
        params.put("canAssign", devices.size() < MfaDevice.MAXIMUM_PER_PRINCIPAL);
        params.put("keys", own.accessKeys(request.principal()).stream().map(key -> AccessKeyRow.of(key,
                ConsolePaths.ACCESS_KEY_STATUS, ConsolePaths.withQuery(ConsolePaths.DELETE_ACCESS_KEY, "key", key.id().value())))
                .toList());
        params.put("root", request.caller().isRoot());
        params.put("notice", DONE.getOrDefault(request.query("done"), ""));
        request.render("security-credentials.jte", "My security credentials", params);
    }

    private void changePassword(ConsoleRequest request) {
        OwnCredentials.require(request, "iam:ChangePassword");
        String fresh = request.form("new");
        if (!fresh.equals(request.form("confirm"))) {
            passwordForm(request, HttpStatus.BAD_REQUEST, "The new password and its confirmation are not the same.");
            return;
        }
        String current = request.form("current");
        // Checked first under the sign-in's throttle, so that a session left open cannot be used to
        // guess the password through this form; the change checks it again.
        if (current.isEmpty() || current.length() > Password.MAXIMUM_LENGTH
                || !console.services().signIn().reauthenticate(request.principal(), Password.of(current), request.origin())) {
            passwordForm(request, HttpStatus.FORBIDDEN, WRONG_CURRENT);
            return;
        }
        try {
            console.services().passwords().changePassword(request.principal(), Password.of(current), Password.of(fresh),
                    request.origin());
        } catch (AccessDeniedException wrongPassword) {
            passwordForm(request, HttpStatus.FORBIDDEN, WRONG_CURRENT);
            return;
        } catch (GatehouseException refused) {
            // The policy's refusal names every rule the new password breaks, in words.
            passwordForm(request, ConsoleErrors.status(refused), ConsoleErrors.message(refused));
            return;
        }
        request.redirect(ConsolePaths.withQuery(ConsolePaths.SECURITY_CREDENTIALS, "done", "password-changed"));
    }

    private void passwordForm(ConsoleRequest request, HttpStatus status, String error) {
        request.render(status, "update-password.jte", "Change your password", Map.of("error", error,
                "policy", PasswordPolicyText.describe(request.account().passwordPolicy())));
    }
}
