package dev.gatehouse.server.console.pages;

import dev.gatehouse.core.Page;
import dev.gatehouse.core.Tags;
import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.error.DeleteConflictException;
import dev.gatehouse.core.error.EntityAlreadyExistsException;
import dev.gatehouse.core.error.EntityTemporarilyUnmodifiableException;
import dev.gatehouse.core.error.InvalidAuthenticationCodeException;
import dev.gatehouse.core.error.LimitExceededException;
import dev.gatehouse.core.error.NoSuchEntityException;
import dev.gatehouse.core.error.ValidationException;
import dev.gatehouse.core.mfa.AssignmentStatus;
import dev.gatehouse.core.mfa.DeviceName;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.mfa.MfaDeviceService;
import dev.gatehouse.core.mfa.NewVirtualMfaDevice;
import dev.gatehouse.core.mfa.SerialNumber;
import dev.gatehouse.core.user.IamPath;
import dev.gatehouse.qr.KeyUriQrCodes;
import dev.gatehouse.server.api.Arns;
import dev.gatehouse.server.console.ConsoleContext;
import dev.gatehouse.server.console.ConsoleErrors;
import dev.gatehouse.server.console.ConsolePaths;
import dev.gatehouse.server.console.ConsoleRequest;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The authenticator app's steps of the Assign MFA device wizard. The device is created as the API's
 * CreateVirtualMFADevice creates it, and its QR code is the same PNG the API returns; the seed
 * and QR code are shown on the page that answers the creation and never again (the page is not
 * cached; they are in no URL). "Add MFA" enables the device with two consecutive codes; if they
 * are refused, the same device is kept for another try, as AWS keeps it.
 *
 * <p>A wizard left half-way leaves an unassigned device behind. Devices the wizard creates carry
 * the tag {@value #WIZARD_TAG} with the creator's ARN, and starting the wizard again deletes that
 * creator's unassigned ones, so abandoned devices do not pile up.
 */
final class VirtualMfaWizard {

    static final String WIZARD_TAG = "gatehouse:console-wizard";

    private final ConsoleContext console;
    private final KeyUriQrCodes qrCodes = new KeyUriQrCodes();

    VirtualMfaWizard(ConsoleContext console) {
        this.console = console;
    }

    private MfaDeviceService devices() {
        return console.services().mfaDevices();
    }

    /** Step 2: creates the device and shows its QR code and secret key with the code fields. */
    void createDevice(ConsoleRequest request, String nameText) {
        DeviceName name;
        try {
            name = DeviceName.of(nameText);
        } catch (ValidationException invalid) {
            MfaDevicePages.chooseType(request, HttpStatus.BAD_REQUEST, nameText, "virtual", "Enter a device name of up to"
                    + " 226 characters: letters, digits and + = , . @ _ - (no spaces).");
            return;
        }
        AccountId account = request.account().id();
        request.require("iam:CreateVirtualMFADevice", Arns.mfa(account, IamPath.ROOT.value() + name.value()),
                Optional.empty());
        discardUnfinished(request);
        NewVirtualMfaDevice created;
        try {
            created = devices().createVirtualMfaDevice(account, IamPath.ROOT, name,
                    Tags.of(Map.of(WIZARD_TAG, request.caller().arn())), request.principal(), request.caller().userName(),
                    request.origin());
        } catch (EntityAlreadyExistsException | LimitExceededException refused) {
            String message = refused instanceof EntityAlreadyExistsException
                    ? "This account already has an MFA device named " + name + ". Choose another name."
                    : ConsoleErrors.message(refused);
            MfaDevicePages.chooseType(request, ConsoleErrors.status(refused), nameText, "virtual", message);
            return;
        }
        String qrCode = "data:image/png;base64," + Base64.getEncoder().encodeToString(qrCodes.renderPng(created.keyUri()));
        render(request, HttpStatus.OK, created.device(), Optional.of(new VirtualMfaSetup(qrCode, created.base32Seed())), "");
    }

    /** "Add MFA": enables the device with the two codes. */
    void addMfa(ConsoleRequest request) {
        OwnCredentials.require(request, "iam:EnableMFADevice");
        SerialNumber serial = MfaDevicePages.serial(request);
        MfaDevice device = devices().getMfaDevice(request.account().id(), serial);
        if (!MfaDevicePages.sixDigitCodes(request)) {
            render(request, HttpStatus.BAD_REQUEST, device, Optional.empty(), MfaDevicePages.CODES_NEEDED);
            return;
        }
        try {
            devices().enableMfaDevice(request.principal(), serial, request.form("code1").strip(),
                    request.form("code2").strip(), request.origin());
        } catch (InvalidAuthenticationCodeException | EntityTemporarilyUnmodifiableException refused) {
            render(request, ConsoleErrors.status(refused), device, Optional.empty(), MfaDevicePages.codesRefused(refused));
            return;
        }
        request.redirect(ConsolePaths.withQuery(ConsolePaths.MFA_ASSIGNED, "serial", serial.value()));
    }

    private void render(ConsoleRequest request, HttpStatus status, MfaDevice device, Optional<VirtualMfaSetup> setup,
            String error) {
        Map<String, Object> params = new HashMap<>();
        params.put("name", device.name());
        params.put("serial", device.serial().value());
        params.put("setup", setup);
        params.put("error", error);
        request.render(status, "mfa-virtual.jte", "Set up your authenticator app", params);
    }

    /** Deletes the unassigned devices this caller's earlier wizards left. */
    private void discardUnfinished(ConsoleRequest request) {
        AccountId account = request.account().id();
        request.require("iam:ListVirtualMFADevices", Arns.mfa(account, "/"), Optional.empty());
        List<MfaDevice> left = new ArrayList<>();
        Optional<String> marker = Optional.empty();
        do {
            Page<MfaDevice> page = devices().listVirtualMfaDevices(account, AssignmentStatus.UNASSIGNED, marker,
                    Page.MAXIMUM_ITEMS);
            page.items().stream().filter(device -> request.caller().arn().equals(device.tags().values().get(WIZARD_TAG)))
                    .forEach(left::add);
            marker = page.nextMarker();
        } while (marker.isPresent());
        for (MfaDevice device : left) {
            request.require("iam:DeleteVirtualMFADevice", device.serial().value(),
                    devices().findCreator(account, device.serial()));
            try {
                devices().deleteVirtualMfaDevice(account, device.serial(), request.origin());
            } catch (NoSuchEntityException | DeleteConflictException alreadyDone) {
                // Another tab of the same wizard deleted or assigned it meanwhile.
            }
        }
    }
}
