package dev.gatehouse.server.console.pages;

import dev.gatehouse.core.error.EntityAlreadyExistsException;
import dev.gatehouse.core.error.EntityTemporarilyUnmodifiableException;
import dev.gatehouse.core.error.InvalidAuthenticationCodeException;
import dev.gatehouse.core.error.NoSuchEntityException;
import dev.gatehouse.core.error.ValidationException;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.mfa.MfaDeviceKind;
import dev.gatehouse.core.mfa.SerialNumber;
import dev.gatehouse.otp.OtpSecret;
import dev.gatehouse.otp.TotpParameters;
import dev.gatehouse.server.api.Arns;
import dev.gatehouse.server.console.ConsoleContext;
import dev.gatehouse.server.console.ConsoleErrors;
import dev.gatehouse.server.console.ConsolePaths;
import dev.gatehouse.server.console.ConsoleRequest;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;

/**
 * The hardware TOTP token's step of the Assign MFA device wizard: its serial number and two
 * consecutive codes. A token can only be assigned once registered with its seed, which AWS learns
 * from the vendor and Gatehouse from an administrator: administrators can register one here.
 */
final class HardwareMfaSteps {

    /**
     * Registering a token has no IAM action (AWS's seeds come from the vendor); Gatehouse names its
     * own, which the authorizer grants administrators only.
     */
    static final String REGISTER_ACTION = "gatehouse:RegisterHardwareMFADevice";
    /** NIST SP 800-63B's minimum for an OTP secret: 112 bits. */
    static final int MINIMUM_SEED_BYTES = 14;
    private static final String SERIAL_NEEDED = "Enter the token's serial number, as printed on it: 9 to 256 letters, digits"
            + " and + = / : , . @ _ - characters.";

    private final ConsoleContext console;

    HardwareMfaSteps(ConsoleContext console) {
        this.console = console;
    }

    void serialStep(ConsoleRequest request, HttpStatus status, String serial, String error, String notice) {
        boolean canRegister = request.allowed(REGISTER_ACTION, Arns.account(request.account().id()), Optional.empty());
        request.render(status, "mfa-hardware.jte", "Set up your hardware TOTP token", Map.of("serial", serial,
                "error", error, "notice", notice, "canRegister", canRegister));
    }

    /** "Add MFA" for a registered token. */
    void addMfa(ConsoleRequest request) {
        OwnCredentials.require(request, "iam:EnableMFADevice");
        String typed = request.form("serial").strip();
        Optional<SerialNumber> serial = serial(typed);
        if (serial.isEmpty()) {
            serialStep(request, HttpStatus.BAD_REQUEST, typed, SERIAL_NEEDED, "");
            return;
        }
        if (!MfaDevicePages.sixDigitCodes(request)) {
            serialStep(request, HttpStatus.BAD_REQUEST, typed, MfaDevicePages.CODES_NEEDED, "");
            return;
        }
        if (!registered(request, serial.get())) {
            serialStep(request, HttpStatus.NOT_FOUND, typed, "No hardware token with serial number " + typed
                    + " is registered in this account. An administrator registers a token, with its seed, before it can be"
                    + " assigned.", "");
            return;
        }
        try {
            console.services().mfaDevices().enableMfaDevice(request.principal(), serial.get(),
                    request.form("code1").strip(), request.form("code2").strip(), request.origin());
        } catch (InvalidAuthenticationCodeException | EntityTemporarilyUnmodifiableException refused) {
            serialStep(request, ConsoleErrors.status(refused), typed, MfaDevicePages.codesRefused(refused), "");
            return;
        } catch (EntityAlreadyExistsException assigned) {
            serialStep(request, ConsoleErrors.status(assigned), typed, "This token is already assigned.", "");
            return;
        }
        request.redirect(ConsolePaths.withQuery(ConsolePaths.MFA_ASSIGNED, "serial", serial.get().value()));
    }

    /** An administrator registers a token by serial number and Base32 seed. */
    void register(ConsoleRequest request) {
        request.require(REGISTER_ACTION, Arns.account(request.account().id()), Optional.empty());
        String typed = request.form("serial").strip();
        Optional<SerialNumber> serial = serial(typed);
        if (serial.isEmpty()) {
            serialStep(request, HttpStatus.BAD_REQUEST, typed, SERIAL_NEEDED, "");
            return;
        }
        OtpSecret seed;
        try {
            seed = OtpSecret.fromBase32(request.form("seed"));
        } catch (IllegalArgumentException notBase32) {
            serialStep(request, HttpStatus.BAD_REQUEST, typed, "The seed is not Base32 (letters A to Z and digits 2 to 7).", "");
            return;
        }
        if (seed.length() < MINIMUM_SEED_BYTES) {
            serialStep(request, HttpStatus.BAD_REQUEST, typed, "The seed is too short: a token's seed must have at least"
                    + " 112 bits (23 Base32 characters).", "");
            return;
        }
        try {
            console.services().mfaDevices().registerHardwareToken(request.account().id(), serial.get(), seed,
                    TotpParameters.AWS_DEFAULT, request.origin());
        } catch (EntityAlreadyExistsException duplicate) {
            serialStep(request, ConsoleErrors.status(duplicate), typed, "A device with serial number " + typed
                    + " already exists.", "");
            return;
        }
        serialStep(request, HttpStatus.OK, typed, "", "Hardware token " + typed
                + " is registered. To assign it to yourself, enter two consecutive codes from it; users assign it the same way.");
    }

    private boolean registered(ConsoleRequest request, SerialNumber serial) {
        try {
            MfaDevice device = console.services().mfaDevices().getMfaDevice(request.account().id(), serial);
            return device.kind() == MfaDeviceKind.HARDWARE_TOTP;
        } catch (NoSuchEntityException unknown) {
            return false;
        }
    }

    private static Optional<SerialNumber> serial(String typed) {
        try {
            return Optional.of(SerialNumber.of(typed));
        } catch (ValidationException malformed) {
            return Optional.empty();
        }
    }
}
