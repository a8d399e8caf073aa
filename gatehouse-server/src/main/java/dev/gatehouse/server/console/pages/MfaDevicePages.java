package dev.gatehouse.server.console.pages;

import dev.gatehouse.core.error.EntityTemporarilyUnmodifiableException;
import dev.gatehouse.core.error.GatehouseException;
import dev.gatehouse.core.error.InvalidAuthenticationCodeException;
import dev.gatehouse.core.error.NoSuchEntityException;
import dev.gatehouse.core.error.ValidationException;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.mfa.MfaDeviceKind;
import dev.gatehouse.core.mfa.SerialNumber;
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
import java.util.regex.Pattern;

/**
 * One's own MFA devices: the Assign MFA device wizard in AWS's steps (device name and type; for an
 * authenticator app the QR code, the secret key and two codes; for a hardware TOTP token its serial
 * and two codes; then the success message), resync, and removal, which asks for the password again
 * unless it was typed in the last few minutes ({@link Reauthentication}) and then for a confirmation.
 * The virtual device's steps are {@link VirtualMfaWizard}'s; the hardware token's are {@link HardwareMfaSteps}'.
 */
public final class MfaDevicePages implements ConsolePages {

    static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");
    static final String CODES_NEEDED = "Enter two six-digit codes: MFA code 1, then the next code the device shows as MFA code 2.";

    private final ConsoleContext console;
    private final OwnCredentials own;
    private final VirtualMfaWizard virtual;
    private final HardwareMfaSteps hardware;
    private final Reauthentication reauthentication;

    public MfaDevicePages(ConsoleContext console) {
        this.console = console;
        this.reauthentication = new Reauthentication(console);
        this.own = new OwnCredentials(console);
        this.virtual = new VirtualMfaWizard(console);
        this.hardware = new HardwareMfaSteps(console);
    }

    @Override
    public void addTo(ConsoleRoutes routes) {
        routes.get("/security-credentials/mfa/assign", Access.SIGNED_IN, request -> chooseType(request, HttpStatus.OK, "", "virtual", ""));
        routes.post("/security-credentials/mfa/assign", Access.SIGNED_IN, this::typeChosen);
        routes.post("/security-credentials/mfa/virtual", Access.SIGNED_IN, virtual::addMfa);
        routes.post("/security-credentials/mfa/hardware", Access.SIGNED_IN, hardware::addMfa);
        routes.post("/security-credentials/mfa/hardware/register", Access.SIGNED_IN, hardware::register);
        routes.get("/security-credentials/mfa/assigned", Access.SIGNED_IN, this::assigned);
        routes.get("/security-credentials/mfa/resync", Access.SIGNED_IN, request -> resyncForm(request, HttpStatus.OK, ""));
        routes.post("/security-credentials/mfa/resync", Access.SIGNED_IN, this::resync);
        routes.get("/security-credentials/mfa/remove", Access.SIGNED_IN, request -> removeStep(request, HttpStatus.OK, ""));
        routes.post("/security-credentials/mfa/remove/password", Access.SIGNED_IN, this::reauthenticate);
        routes.post("/security-credentials/mfa/remove", Access.SIGNED_IN, this::remove);
    }

    /** Step 1: the device name and type. */
    static void chooseType(ConsoleRequest request, HttpStatus status, String name, String type, String error) {
        request.render(status, "mfa-assign.jte", "Assign MFA device", Map.of("name", name, "type", type, "error", error));
    }

    private void typeChosen(ConsoleRequest request) {
        String name = request.form("name").strip();
        switch (request.form("type")) {
            case "virtual" -> virtual.createDevice(request, name);
            case "hardware" -> hardware.serialStep(request, HttpStatus.OK, "", "", "");
            default -> chooseType(request, HttpStatus.BAD_REQUEST, name, "virtual",
                    "Choose an authenticator app or a hardware TOTP token. Security keys are coming later.");
        }
    }

    /** The wizard's last step, once the device is assigned; only for a device that is. */
    private void assigned(ConsoleRequest request) {
        OwnCredentials.require(request, "iam:ListMFADevices");
        Optional<MfaDevice> device = own.device(request.principal(), request.query("serial"));
        if (device.isEmpty()) {
            request.redirect(ConsolePaths.SECURITY_CREDENTIALS);
            return;
        }
        boolean isVirtual = device.get().kind() == MfaDeviceKind.VIRTUAL_TOTP;
        request.render("mfa-assigned.jte", "MFA device assigned", Map.of(
                "message", "You have successfully assigned " + (isVirtual ? "virtual" : "hardware") + " MFA device "
                        + device.get().name() + ". This MFA device will be required during sign-in.",
                "row", MfaDeviceRow.of(device.get(), "", "")));
    }

    private void resyncForm(ConsoleRequest request, HttpStatus status, String error) {
        OwnCredentials.require(request, "iam:ListMFADevices");
        MfaDevice device = ownDevice(request, serialParameter(request));
        request.render(status, "mfa-resync.jte", "Resync MFA device", Map.of("row", MfaDeviceRow.of(device, "", ""),
                "owner", "yours", "action", ConsolePaths.RESYNC_MFA, "cancelHref", ConsolePaths.SECURITY_CREDENTIALS,
                "error", error));
    }

    private void resync(ConsoleRequest request) {
        OwnCredentials.require(request, "iam:ResyncMFADevice");
        if (!sixDigitCodes(request)) {
            resyncForm(request, HttpStatus.BAD_REQUEST, CODES_NEEDED);
            return;
        }
        try {
            console.services().mfaDevices().resyncMfaDevice(request.principal(), serial(request),
                    request.form("code1").strip(), request.form("code2").strip(), request.origin());
        } catch (InvalidAuthenticationCodeException | EntityTemporarilyUnmodifiableException refused) {
            resyncForm(request, ConsoleErrors.status(refused), codesRefused(refused));
            return;
        }
        request.redirect(ConsolePaths.withQuery(ConsolePaths.SECURITY_CREDENTIALS, "done", "mfa-resynced"));
    }

    /** The password step, or the confirmation once the password was typed recently. */
    private void removeStep(ConsoleRequest request, HttpStatus status, String error) {
        OwnCredentials.require(request, "iam:ListMFADevices");
        MfaDevice device = ownDevice(request, serialParameter(request));
        request.render(status, "mfa-remove.jte", "Remove MFA device", Map.of("row", MfaDeviceRow.of(device, "", ""),
                "confirm", reauthentication.recent(request), "error", error));
    }

    private void reauthenticate(ConsoleRequest request) {
        if (!reauthentication.confirmed(request, "password")) {
            removeStep(request, HttpStatus.UNAUTHORIZED,
                    "The password was not accepted. Check it and try again; after several failures, wait a moment first.");
            return;
        }
        request.redirect(ConsolePaths.withQuery(ConsolePaths.REMOVE_MFA, "serial", request.form("serial")));
    }

    /** Deactivates the device and, as AWS's console does, deletes a virtual one. */
    private void remove(ConsoleRequest request) {
        if (!reauthentication.recent(request)) {
            request.redirect(ConsolePaths.withQuery(ConsolePaths.REMOVE_MFA, "serial", request.form("serial")));
            return;
        }
        OwnCredentials.require(request, "iam:DeactivateMFADevice");
        SerialNumber serial = serial(request);
        MfaDevice device = ownDevice(request, serial.value());
        // Decided before anything changes: a user may delete only the virtual devices it created (as
        // the API decides), and keeps an unassigned one someone else created for it.
        boolean delete = device.kind() == MfaDeviceKind.VIRTUAL_TOTP && request.allowed("iam:DeleteVirtualMFADevice",
                serial.value(), console.services().mfaDevices().findCreator(request.account().id(), serial));
        console.services().mfaDevices().deactivateMfaDevice(request.principal(), serial, request.origin());
        if (delete) {
            console.services().mfaDevices().deleteVirtualMfaDevice(request.account().id(), serial, request.origin());
        }
        request.redirect(ConsolePaths.withQuery(ConsolePaths.SECURITY_CREDENTIALS, "done", "mfa-removed"));
    }

    /** What to say when the codes of an enable or a resync are refused. */
    static String codesRefused(GatehouseException refused) {
        if (refused instanceof EntityTemporarilyUnmodifiableException) {
            return "Too many codes were not accepted. " + refused.getMessage();
        }
        return "The MFA codes were not accepted. Check that the device's clock is right, wait for a new code, then enter"
                + " two consecutive codes.";
    }

    private static String serialParameter(ConsoleRequest request) {
        return request.query("serial").isEmpty() ? request.form("serial") : request.query("serial");
    }

    static SerialNumber serial(ConsoleRequest request) {
        try {
            return SerialNumber.of(request.form("serial").strip());
        } catch (ValidationException malformed) {
            throw noSuchOwnDevice();
        }
    }

    /** The caller's own device with this serial number, or NoSuchEntity, whoever else may have it. */
    private MfaDevice ownDevice(ConsoleRequest request, String serial) {
        return own.device(request.principal(), serial).orElseThrow(MfaDevicePages::noSuchOwnDevice);
    }

    private static NoSuchEntityException noSuchOwnDevice() {
        return new NoSuchEntityException("You have no MFA device with that identifier.");
    }

    static boolean sixDigitCodes(ConsoleRequest request) {
        return SIX_DIGITS.matcher(request.form("code1").strip()).matches()
                && SIX_DIGITS.matcher(request.form("code2").strip()).matches();
    }
}
