package dev.gatehouse.server.console.pages;

import dev.gatehouse.core.mfa.Assignment;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.mfa.MfaDeviceKind;

/**
 * One line of the MFA devices table ({@code tag/mfa-devices.jte}), as AWS's console shows it:
 * name, type, identifier (the serial: an ARN for a virtual device, the vendor's serial for a
 * token) and when it was assigned. The links are the page's own, so the same table serves one's
 * own credentials and an administrator's view of a user.
 */
public record MfaDeviceRow(String name, String type, String identifier, String created, String resyncHref,
        String removeHref) {

    public static MfaDeviceRow of(MfaDevice device, String resyncHref, String removeHref) {
        return new MfaDeviceRow(device.name(), typeOf(device.kind()), device.serial().value(),
                ConsoleTimes.format(device.assignmentIfAny().map(Assignment::enabledAt).orElse(device.createdAt())),
                resyncHref, removeHref);
    }

    static String typeOf(MfaDeviceKind kind) {
        return switch (kind) {
            case VIRTUAL_TOTP -> "Virtual";
            case HARDWARE_TOTP -> "Hardware TOTP";
        };
    }
}
