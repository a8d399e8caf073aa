package dev.gatehouse.server.api.iam;

import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.mfa.DeviceName;
import dev.gatehouse.core.mfa.MfaDeviceService;
import dev.gatehouse.core.mfa.NewVirtualMfaDevice;
import dev.gatehouse.core.mfa.SerialNumber;
import dev.gatehouse.core.user.IamPath;
import dev.gatehouse.core.user.UserName;
import dev.gatehouse.qr.KeyUriQrCodes;
import dev.gatehouse.qr.QrCodeReader;
import dev.gatehouse.qr.QrCodeRenderer;
import dev.gatehouse.server.api.ActionTable;
import dev.gatehouse.server.api.ApiRequest;
import dev.gatehouse.server.api.Arns;
import dev.gatehouse.server.api.Inputs;
import java.util.Map;
import java.util.Optional;

/**
 * An MFA device's life: CreateVirtualMFADevice, EnableMFADevice, ResyncMFADevice,
 * DeactivateMFADevice, DeleteVirtualMFADevice. Codes are checked by the domain, never here.
 */
public final class MfaDeviceActions {

    private final MfaDeviceService devices;
    private final MfaDeviceOwners owners;
    // Compact: about AWS's size, and a quarter of the pixels to encode on every CreateVirtualMFADevice.
    private final KeyUriQrCodes qrCodes = new KeyUriQrCodes(
            new QrCodeRenderer(QrCodeRenderer.COMPACT_MODULE_PIXELS, QrCodeRenderer.DEFAULT_QUIET_ZONE_MODULES),
            new QrCodeReader());

    public MfaDeviceActions(MfaDeviceService devices, MfaDeviceOwners owners) {
        this.devices = devices;
        this.owners = owners;
    }

    public void addTo(ActionTable table) {
        table.add("CreateVirtualMFADevice", this::createVirtualMfaDevice)
                .add("EnableMFADevice", this::enableMfaDevice)
                .add("ResyncMFADevice", this::resyncMfaDevice)
                .add("DeactivateMFADevice", this::deactivateMfaDevice)
                .add("DeleteVirtualMFADevice", this::deleteVirtualMfaDevice);
    }

    /** The only answer that ever carries a device's seed and QR code. */
    private Map<String, ?> createVirtualMfaDevice(ApiRequest request) {
        DeviceName name = DeviceName.of(request.input().requiredString("VirtualMFADeviceName"));
        IamPath path = IamPath.ofNullable(request.input().string("Path").orElse(null));
        request.authorize(Arns.mfa(request.account(), path.value() + name.value()), Optional.empty());
        NewVirtualMfaDevice created = devices.createVirtualMfaDevice(request.account(), path, name,
                Inputs.tags(request.input()), request.caller().principal(), request.caller().userName(), request.origin());
        return Map.of("VirtualMFADevice", MfaShapes.created(created, qrCodes.renderPng(created.keyUri())));
    }

    /** Another user than the caller is found by the domain in the enabling transaction, not looked up first. */
    private Map<String, ?> enableMfaDevice(ApiRequest request) {
        UserName name = userName(request);
        String code1 = request.input().requiredString("AuthenticationCode1");
        String code2 = request.input().requiredString("AuthenticationCode2");
        Optional<PrincipalRef> caller = owners.authorizeOnNamedOwner(request, name);
        if (caller.isPresent()) {
            devices.enableMfaDevice(caller.get(), serialNumber(request), code1, code2, request.origin());
        } else {
            devices.enableMfaDevice(request.account(), name, serialNumber(request), code1, code2, request.origin());
        }
        return Map.of();
    }

    private Map<String, ?> resyncMfaDevice(ApiRequest request) {
        PrincipalRef owner = owners.authorizeOnOwner(request, Optional.of(userName(request))).principal();
        devices.resyncMfaDevice(owner, serialNumber(request), request.input().requiredString("AuthenticationCode1"),
                request.input().requiredString("AuthenticationCode2"), request.origin());
        return Map.of();
    }

    /** Without a UserName, the caller's own device, as AWS does. */
    private Map<String, ?> deactivateMfaDevice(ApiRequest request) {
        PrincipalRef owner = owners.authorizeOnOwner(request, request.input().string("UserName").map(UserName::of)).principal();
        devices.deactivateMfaDevice(owner, serialNumber(request), request.origin());
        return Map.of();
    }

    /**
     * A user who is not an administrator deletes only devices it created, as AWS's self-service
     * policy allows; one created by someone else, or unknown, is refused alike, so that the answer
     * does not tell which serials exist.
     */
    private Map<String, ?> deleteVirtualMfaDevice(ApiRequest request) {
        SerialNumber serial = serialNumber(request);
        request.authorize(serial.value(), devices.findCreator(request.account(), serial));
        devices.deleteVirtualMfaDevice(request.account(), serial, request.origin());
        return Map.of();
    }

    private static UserName userName(ApiRequest request) {
        return UserName.of(request.input().requiredString("UserName"));
    }

    static SerialNumber serialNumber(ApiRequest request) {
        return SerialNumber.of(request.input().requiredString("SerialNumber"));
    }
}
