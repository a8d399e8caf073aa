package dev.gatehouse.server.console.pages;

import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.user.AccessKey;
import dev.gatehouse.server.console.ConsoleContext;
import dev.gatehouse.server.console.ConsoleRequest;
import java.util.List;
import java.util.Optional;

/**
 * The signed-in principal's own credentials, and the authorization check the API makes when a
 * caller names no user: the action on the caller's own ARN, with the caller as subject.
 */
final class OwnCredentials {

    private final ConsoleContext console;

    OwnCredentials(ConsoleContext console) {
        this.console = console;
    }

    /** Throws AccessDenied unless the caller may perform {@code action} on its own credentials. */
    static void require(ConsoleRequest request, String action) {
        request.require(action, request.caller().arn(), Optional.of(request.principal()));
    }

    List<MfaDevice> devices(PrincipalRef principal) {
        return console.services().mfaDevices().listMfaDevices(principal, Optional.empty(), MfaDevice.MAXIMUM_PER_PRINCIPAL)
                .items();
    }

    /** The device with this serial if it is assigned to {@code principal}. */
    Optional<MfaDevice> device(PrincipalRef principal, String serial) {
        return devices(principal).stream().filter(device -> device.serial().value().equals(serial)).findFirst();
    }

    List<AccessKey> accessKeys(PrincipalRef principal) {
        return console.services().accessKeys().listAccessKeys(principal);
    }

    /** The key with this ID if it is {@code principal}'s. */
    Optional<AccessKey> accessKey(PrincipalRef principal, String id) {
        return accessKeys(principal).stream().filter(key -> key.id().value().equals(id)).findFirst();
    }
}
