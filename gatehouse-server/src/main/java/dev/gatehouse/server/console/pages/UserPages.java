package dev.gatehouse.server.console.pages;

import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.crypto.Password;
import dev.gatehouse.core.error.DeleteConflictException;
import dev.gatehouse.core.error.GatehouseException;
import dev.gatehouse.core.error.NoSuchEntityException;
import dev.gatehouse.core.error.ValidationException;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.mfa.MfaDeviceKind;
import dev.gatehouse.core.mfa.SerialNumber;
import dev.gatehouse.core.user.AccessKey;
import dev.gatehouse.core.user.AccessKeyStatus;
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.core.user.LoginProfile;
import dev.gatehouse.core.user.UserName;
import dev.gatehouse.otp.OtpSecret;
import dev.gatehouse.otp.TotpParameters;
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
 * One IAM user's page for the root user and administrators: its summary and security
 * credentials, where they remove or resync its MFA devices, assign it a hardware TOTP token,
 * enable, reset or disable its console password, deactivate, activate or delete its access keys,
 * and delete it. Each change is the API's action under the API's IAM action name; destructive
 * ones ask for confirmation on a page of their own.
 */
public final class UserPages implements ConsolePages {

    /** What the page says after a change; the redirect carries only the key, never free text. */
    private static final Map<String, String> NOTICES = Map.of(
            "device-removed", "The MFA device was removed.",
            "device-resynced", "The MFA device was resynchronised.",
            "token-assigned", "The hardware TOTP token is assigned to the user.",
            "password-disabled", "The console password was removed: the user can no longer sign in to the console.",
            "key-activated", "The access key is active.",
            "key-deactivated", "The access key is inactive: requests signed with it are refused.",
            "key-deleted", "The access key was deleted.");

    private final ConsoleContext console;
    private final ConsolePasswordGenerator generator = new ConsolePasswordGenerator();
    private final Reauthentication reauthentication;

    public UserPages(ConsoleContext console) {
        this.console = console;
        this.reauthentication = new Reauthentication(console);
    }

    @Override
    public void addTo(ConsoleRoutes routes) {
        routes.get("/users/{name}", Access.SIGNED_IN, request -> show(request, HttpStatus.OK, ""));
        routes.get("/users/{name}/mfa/remove", Access.SIGNED_IN, request -> confirmRemoveDevice(request, HttpStatus.OK, ""));
        routes.post("/users/{name}/mfa/remove", Access.SIGNED_IN, this::removeDevice);
        routes.get("/users/{name}/mfa/resync", Access.SIGNED_IN, request -> resyncForm(request, HttpStatus.OK, ""));
        routes.post("/users/{name}/mfa/resync", Access.SIGNED_IN, this::resync);
        routes.get("/users/{name}/mfa/hardware", Access.SIGNED_IN, request -> hardwareForm(request, HttpStatus.OK, "", ""));
        routes.post("/users/{name}/mfa/hardware", Access.SIGNED_IN, this::assignHardware);
        routes.post("/users/{name}/password", Access.SIGNED_IN, this::setPassword);
        routes.get("/users/{name}/password/disable", Access.SIGNED_IN,
                request -> confirmDisablePassword(request, HttpStatus.OK, ""));
        routes.post("/users/{name}/password/disable", Access.SIGNED_IN, this::disablePassword);
        routes.post("/users/{name}/keys/status", Access.SIGNED_IN, this::keyStatus);
        routes.get("/users/{name}/keys/delete", Access.SIGNED_IN, this::confirmDeleteKey);
        routes.post("/users/{name}/keys/delete", Access.SIGNED_IN, this::deleteKey);
        routes.get("/users/{name}/delete", Access.SIGNED_IN, request -> confirmDeleteUser(request, HttpStatus.OK, ""));
        routes.post("/users/{name}/delete", Access.SIGNED_IN, this::deleteUser);
    }

    // ----- the page

    private void show(ConsoleRequest request, HttpStatus status, String error) {
        Optional<IamUser> found = user(request, "iam:GetUser");
        if (found.isEmpty()) {
            return;
        }
        IamUser user = found.get();
        PrincipalRef principal = user.principal();
        String userHref = ConsolePaths.user(user.name().value());
        List<MfaDeviceRow> devices = console.services().mfaDevices().listMfaDevices(principal, Optional.empty(),
                MfaDevice.MAXIMUM_PER_PRINCIPAL).items().stream().map(device -> MfaDeviceRow.of(device,
                        ConsolePaths.withQuery(userHref + "/mfa/resync", "serial", device.serial().value()),
                        ConsolePaths.withQuery(userHref + "/mfa/remove", "serial", device.serial().value()))).toList();
        Map<String, Object> params = base(request, user);
        params.put("devices", devices);
        params.put("password", console.services().passwords().findLoginProfile(principal));
        params.put("keys", console.services().accessKeys().listAccessKeys(principal).stream().map(key -> AccessKeyRow.of(key,
                userHref + "/keys/status", ConsolePaths.withQuery(userHref + "/keys/delete", "key", key.id().value())))
                .toList());
        params.put("askPassword", !reauthentication.recent(request));
        params.put("error", error);
        params.put("notice", NOTICES.getOrDefault(request.query("done"), ""));
        request.render(status, "admin/user.jte", "User " + user.name(), params);
    }

    // ----- MFA devices

    private void confirmRemoveDevice(ConsoleRequest request, HttpStatus status, String error) {
        Optional<IamUser> user = user(request, "iam:DeactivateMFADevice");
        if (user.isEmpty()) {
            return;
        }
        String serial = request.query("serial").isEmpty() ? request.form("serial") : request.query("serial");
        MfaDevice device = assignedDevice(user.get(), serial);
        confirm(request, status, error, true, user.get(), "Remove MFA device", "Remove the MFA device " + device.name()
                + " (" + device.serial() + ") from " + user.get().name() + "? The user can no longer sign in with it"
                + (device.kind() == MfaDeviceKind.VIRTUAL_TOTP
                        ? ", and the authenticator app's entry stops working for good."
                        : "; the token stays registered and can be assigned again."),
                "/mfa/remove", Map.of("serial", device.serial().value()), "Remove device");
    }

    private void removeDevice(ConsoleRequest request) {
        Optional<IamUser> found = user(request, "iam:DeactivateMFADevice");
        if (found.isEmpty()) {
            return;
        }
        IamUser user = found.get();
        MfaDevice device = assignedDevice(user, request.form("serial"));
        if (!reauthentication.confirmed(request)) {
            confirmRemoveDevice(request, HttpStatus.UNAUTHORIZED, Reauthentication.REFUSED);
            return;
        }
        console.services().mfaDevices().deactivateMfaDevice(user.principal(), device.serial(), request.origin());
        // As AWS's console does: a removed authenticator-app device is deleted, since its seed was shown once only.
        if (device.kind() == MfaDeviceKind.VIRTUAL_TOTP
                && request.allowed("iam:DeleteVirtualMFADevice", device.serial().value(),
                        console.services().mfaDevices().findCreator(user.accountId(), device.serial()))) {
            console.services().mfaDevices().deleteVirtualMfaDevice(user.accountId(), device.serial(), request.origin());
        }
        done(request, user, "device-removed");
    }

    private void resyncForm(ConsoleRequest request, HttpStatus status, String error) {
        Optional<IamUser> user = user(request, "iam:ResyncMFADevice");
        if (user.isEmpty()) {
            return;
        }
        String serial = request.query("serial").isEmpty() ? request.form("serial") : request.query("serial");
        MfaDevice device = assignedDevice(user.get(), serial);
        String userHref = ConsolePaths.user(user.get().name().value());
        request.render(status, "mfa-resync.jte", "Resynchronise MFA device", Map.of("row", MfaDeviceRow.of(device, "", ""),
                "owner", user.get().name().value(), "action", userHref + "/mfa/resync", "cancelHref", userHref,
                "error", error));
    }

    private void resync(ConsoleRequest request) {
        Optional<IamUser> user = user(request, "iam:ResyncMFADevice");
        if (user.isEmpty()) {
            return;
        }
        MfaDevice device = assignedDevice(user.get(), request.form("serial"));
        try {
            console.services().mfaDevices().resyncMfaDevice(user.get().principal(), device.serial(),
                    request.form("code1").strip(), request.form("code2").strip(), request.origin());
        } catch (GatehouseException refused) {
            resyncForm(request, ConsoleErrors.status(refused), ConsoleErrors.message(refused));
            return;
        }
        done(request, user.get(), "device-resynced");
    }

    private void hardwareForm(ConsoleRequest request, HttpStatus status, String error, String serial) {
        Optional<IamUser> user = user(request, "iam:EnableMFADevice");
        if (user.isEmpty()) {
            return;
        }
        Map<String, Object> params = base(request, user.get());
        params.put("error", error);
        params.put("serial", serial);
        request.render(status, "admin/mfa-hardware.jte", "Assign a hardware TOTP token", params);
    }

    /**
     * Registers the token (serial and Base32 seed) unless it is registered already, then enables
     * it for the user with two consecutive codes, as EnableMFADevice.
     */
    private void assignHardware(ConsoleRequest request) {
        Optional<IamUser> found = user(request, "iam:EnableMFADevice");
        if (found.isEmpty()) {
            return;
        }
        IamUser user = found.get();
        String typedSerial = request.form("serial").strip();
        try {
            SerialNumber serial = SerialNumber.of(typedSerial);
            Optional<MfaDevice> registered = registered(user, serial);
            if (registered.isPresent() && registered.get().kind() != MfaDeviceKind.HARDWARE_TOTP) {
                throw new ValidationException("The serial number " + serial
                        + " is an authenticator app's, not a hardware token's.");
            }
            if (registered.isEmpty()) {
                OtpSecret seed = seed(request.form("seed"));
                console.services().mfaDevices().registerHardwareToken(user.accountId(), serial, seed,
                        TotpParameters.AWS_DEFAULT, request.origin());
            }
            console.services().mfaDevices().enableMfaDevice(user.principal(), serial, request.form("code1").strip(),
                    request.form("code2").strip(), request.origin());
        } catch (GatehouseException refused) {
            hardwareForm(request, ConsoleErrors.status(refused), ConsoleErrors.message(refused), typedSerial);
            return;
        }
        done(request, user, "token-assigned");
    }

    private Optional<MfaDevice> registered(IamUser user, SerialNumber serial) {
        try {
            return Optional.of(console.services().mfaDevices().getMfaDevice(user.accountId(), serial));
        } catch (NoSuchEntityException absent) {
            return Optional.empty();
        }
    }

    private static OtpSecret seed(String base32) {
        try {
            OtpSecret seed = OtpSecret.fromBase32(base32.strip());
            if (seed.length() < OtpSecret.MINIMUM_GENERATED_LENGTH) {
                throw new ValidationException("The token's seed must be at least " + OtpSecret.MINIMUM_GENERATED_LENGTH
                        + " bytes (" + (OtpSecret.MINIMUM_GENERATED_LENGTH * 8 / 5 + 1) + " Base32 characters).");
            }
            return seed;
        } catch (IllegalArgumentException malformed) {
            throw new ValidationException("The token's seed must be Base32 (letters A to Z and digits 2 to 7), as the"
                    + " vendor supplies it.");
        }
    }

    /** The device {@code serial} if it is assigned to {@code user}. */
    private MfaDevice assignedDevice(IamUser user, String serial) {
        return console.services().mfaDevices().listMfaDevices(user.principal(), Optional.empty(),
                MfaDevice.MAXIMUM_PER_PRINCIPAL).items().stream()
                .filter(device -> device.serial().value().equals(serial)).findFirst()
                .orElseThrow(() -> new NoSuchEntityException("The user " + user.name() + " has no MFA device " + serial
                        + "."));
    }

    // ----- console password

    /** Enable (CreateLoginProfile) or reset (UpdateLoginProfile, with a new password required at next sign-in). */
    private void setPassword(ConsoleRequest request) {
        boolean reset = request.form("action").equals("reset");
        Optional<IamUser> found = user(request, reset ? "iam:UpdateLoginProfile" : "iam:CreateLoginProfile");
        if (found.isEmpty()) {
            return;
        }
        IamUser user = found.get();
        if (!reauthentication.confirmed(request)) {
            show(request, HttpStatus.UNAUTHORIZED, Reauthentication.REFUSED);
            return;
        }
        boolean autogenerated = request.form("password-mode").equals("autogenerated");
        if (!autogenerated && request.form("password").isEmpty()) {
            show(request, HttpStatus.BAD_REQUEST, ConsolePasswordGenerator.NO_PASSWORD_TYPED);
            return;
        }
        boolean resetRequired = reset || !request.form("require-reset").isEmpty();
        Password password;
        Optional<LoginProfile> resetTo = Optional.empty();
        try {
            password = autogenerated ? generator.generate(request.account().passwordPolicy())
                    : Password.of(request.form("password"));
            if (reset) {
                resetTo = Optional.of(console.services().passwords().resetPassword(user.principal(), password, true,
                        request.origin()));
            } else {
                console.services().passwords().createLoginProfile(user.principal(), password, resetRequired,
                        request.origin());
            }
        } catch (GatehouseException refused) {
            show(request, ConsoleErrors.status(refused), ConsoleErrors.message(refused));
            return;
        }
        // A new password ended all of the user's console sessions; an administrator resetting its own goes
        // on under a new session ID, unless its password was replaced again meanwhile.
        if (resetTo.isPresent() && user.principal().equals(request.principal())
                && !SessionAfterPasswordChange.renew(request, resetTo.get())) {
            return;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("userName", user.name().value());
        params.put("userHref", ConsolePaths.user(user.name().value()));
        params.put("notice", (reset ? "The console password of " + user.name() + " was reset"
                : "User " + user.name() + " can now sign in to the console")
                + (resetRequired ? "; they must choose a new password at their next sign-in." : "."));
        params.put("password", autogenerated ? Optional.of(password.reveal()) : Optional.empty());
        params.put("signInHint", Optional.empty());
        request.render("admin/password-shown.jte", reset ? "Password reset" : "Console password enabled", params);
    }

    private void confirmDisablePassword(ConsoleRequest request, HttpStatus status, String error) {
        Optional<IamUser> user = user(request, "iam:DeleteLoginProfile");
        if (user.isPresent()) {
            confirm(request, status, error, true, user.get(), "Disable console password",
                    "Remove the console password of " + user.get().name() + "? They can no longer sign in to the console;"
                            + " their access keys keep working.",
                    "/password/disable", Map.of(), "Disable console password");
        }
    }

    private void disablePassword(ConsoleRequest request) {
        Optional<IamUser> user = user(request, "iam:DeleteLoginProfile");
        if (user.isPresent() && !reauthentication.confirmed(request)) {
            confirmDisablePassword(request, HttpStatus.UNAUTHORIZED, Reauthentication.REFUSED);
        } else if (user.isPresent()) {
            console.services().passwords().deleteLoginProfile(user.get().principal(), request.origin());
            done(request, user.get(), "password-disabled");
        }
    }

    // ----- access keys

    private void keyStatus(ConsoleRequest request) {
        Optional<IamUser> user = user(request, "iam:UpdateAccessKey");
        if (user.isEmpty()) {
            return;
        }
        AccessKey key = key(user.get(), request.form("key"));
        AccessKeyStatus status = AccessKeyStatus.fromAwsName(request.form("status"));
        console.services().accessKeys().updateAccessKey(user.get().principal(), key.id(), status, request.origin());
        done(request, user.get(), status == AccessKeyStatus.ACTIVE ? "key-activated" : "key-deactivated");
    }

    private void confirmDeleteKey(ConsoleRequest request) {
        Optional<IamUser> user = user(request, "iam:DeleteAccessKey");
        if (user.isEmpty()) {
            return;
        }
        AccessKey key = key(user.get(), request.query("key"));
        confirm(request, HttpStatus.OK, "", false, user.get(), "Delete access key",
                "Delete the access key " + key.id() + " of " + user.get().name() + "? Programs using it stop working at"
                        + " once, and it cannot be restored." + (key.status() == AccessKeyStatus.ACTIVE
                        ? " Deactivating it first shows whether anything still uses it." : ""),
                "/keys/delete", Map.of("key", key.id().value()), "Delete access key");
    }

    private void deleteKey(ConsoleRequest request) {
        Optional<IamUser> user = user(request, "iam:DeleteAccessKey");
        if (user.isEmpty()) {
            return;
        }
        AccessKey key = key(user.get(), request.form("key"));
        console.services().accessKeys().deleteAccessKey(user.get().principal(), key.id(), request.origin());
        done(request, user.get(), "key-deleted");
    }

    private AccessKey key(IamUser user, String id) {
        return console.services().accessKeys().listAccessKeys(user.principal()).stream()
                .filter(key -> key.id().value().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchEntityException("The user " + user.name() + " has no access key " + id + "."));
    }

    // ----- delete the user

    private void confirmDeleteUser(ConsoleRequest request, HttpStatus status, String error) {
        Optional<IamUser> user = user(request, "iam:DeleteUser");
        if (user.isEmpty()) {
            return;
        }
        String userHref = ConsolePaths.user(user.get().name().value());
        new Confirmation("Delete user", "Delete the user " + user.get().name() + "? This cannot be undone. AWS's rule"
                + " applies: first remove its console password, access keys and MFA devices.", userHref + "/delete", Map.of(),
                "Delete user", userHref).render(request, status, false, error);
    }

    private void deleteUser(ConsoleRequest request) {
        Optional<IamUser> user = user(request, "iam:DeleteUser");
        if (user.isEmpty()) {
            return;
        }
        try {
            console.services().users().deleteUser(user.get().accountId(), user.get().name(), request.origin());
        } catch (DeleteConflictException conflict) {
            confirmDeleteUser(request, ConsoleErrors.status(conflict), ConsoleErrors.message(conflict));
            return;
        }
        request.redirect(ConsolePaths.USERS + "?done=user-deleted");
    }

    // ----- shared

    /**
     * The user named in the path, once the caller may see users and perform {@code action} on
     * this one (the API's check, by ARN); empty after rendering the 403 page otherwise.
     *
     * @throws NoSuchEntityException if there is no such user (a 404 page)
     */
    private Optional<IamUser> user(ConsoleRequest request, String action) {
        if (UsersPages.refusedUnlessAdministering(request)) {
            return Optional.empty();
        }
        UserName name = UserName.of(request.context().pathParam("name"));
        // As the API's authorizeOnUser: the subject is the caller itself when it names itself. Deleting a
        // user is administration, never managing one's own credentials.
        Optional<PrincipalRef> subject = request.caller().isUserNamed(name) && !action.equals("iam:DeleteUser")
                ? Optional.of(request.principal()) : Optional.empty();
        request.require(action, Arns.user(request.account().id(), name), subject);
        return Optional.of(console.services().users().getUser(request.account().id(), name));
    }

    private static Map<String, Object> base(ConsoleRequest request, IamUser user) {
        Map<String, Object> params = new HashMap<>();
        params.put("user", user);
        params.put("userHref", ConsolePaths.user(user.name().value()));
        return params;
    }

    /** A confirmation page; {@code sensitive} ones ask for the caller's password unless it was typed just now. */
    private void confirm(ConsoleRequest request, HttpStatus status, String error, boolean sensitive, IamUser user,
            String heading, String text, String subpath, Map<String, String> fields, String button) {
        String userHref = ConsolePaths.user(user.name().value());
        new Confirmation(heading, text, userHref + subpath, fields, button, userHref)
                .render(request, status, sensitive && !reauthentication.recent(request), error);
    }

    private static void done(ConsoleRequest request, IamUser user, String notice) {
        request.redirect(ConsolePaths.user(user.name().value()) + "?done=" + notice);
    }
}
