package dev.gatehouse.server.console.pages;

import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.server.console.Access;
import dev.gatehouse.server.console.ConsoleContext;
import dev.gatehouse.server.console.ConsolePages;
import dev.gatehouse.server.console.ConsolePaths;
import dev.gatehouse.server.console.ConsoleRequest;
import dev.gatehouse.server.console.ConsoleRoutes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "My security credentials": the signed-in principal's MFA devices and access keys, with links
 * to the Assign MFA device wizard ({@link MfaDevicePages}) and the key actions
 * ({@link AccessKeyPages}), and the password change ({@link PasswordChangePage}). After each action the page says what was done;
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

    private final OwnCredentials own;

    public SecurityCredentialsPage(ConsoleContext console) {
        this.own = new OwnCredentials(console);
    }

    @Override
    public void addTo(ConsoleRoutes routes) {
        routes.get("/security-credentials", Access.SIGNED_IN, this::show);
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
}
