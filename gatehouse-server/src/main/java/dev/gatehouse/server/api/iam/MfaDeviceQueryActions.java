package dev.gatehouse.server.api.iam;

import dev.gatehouse.core.error.NoSuchEntityException;
import dev.gatehouse.core.mfa.AssignmentStatus;
import dev.gatehouse.core.mfa.MfaDeviceService;
import dev.gatehouse.core.mfa.SerialNumber;
import dev.gatehouse.core.user.UserName;
import dev.gatehouse.server.api.ActionTable;
import dev.gatehouse.server.api.ApiRequest;
import dev.gatehouse.server.api.Arns;
import dev.gatehouse.server.api.Inputs;
import dev.gatehouse.server.api.Shapes;
import java.util.Map;
import java.util.Optional;

/**
 * ListMFADevices, ListVirtualMFADevices and GetMFADevice. None of them ever shows a seed or QR
 * code: the shapes they build have no place for one.
 */
public final class MfaDeviceQueryActions {

    private final MfaDeviceService devices;
    private final MfaDeviceOwners owners;

    public MfaDeviceQueryActions(MfaDeviceService devices, MfaDeviceOwners owners) {
        this.devices = devices;
        this.owners = owners;
    }

    public void addTo(ActionTable table) {
        table.addRead("ListMFADevices", this::listMfaDevices)
                .addRead("ListVirtualMFADevices", this::listVirtualMfaDevices)
                .addRead("GetMFADevice", this::getMfaDevice);
    }

    /** Without a UserName, the caller's devices: the root user's when the root user asks. */
    private Map<String, ?> listMfaDevices(ApiRequest request) {
        MfaDeviceOwners.Owner owner = owners.authorizeOnOwner(request, request.input().string("UserName").map(UserName::of));
        return Shapes.page("MFADevices", devices.listMfaDevices(owner.principal(), Inputs.marker(request.input()),
                Inputs.maxItems(request.input())), device -> MfaShapes.enabled(device, owner.userName()));
    }

    private Map<String, ?> listVirtualMfaDevices(ApiRequest request) {
        AssignmentStatus status = request.input().string("AssignmentStatus").map(MfaDeviceQueryActions::status)
                .orElse(AssignmentStatus.ANY);
        request.authorize(Arns.mfa(request.account(), "/"), Optional.empty());
        return Shapes.page("VirtualMFADevices", devices.listVirtualMfaDevices(request.account(), status,
                Inputs.marker(request.input()), Inputs.maxItems(request.input())), device -> MfaShapes.listed(device, owners));
    }

    /**
     * AWS answers GetMFADevice for FIDO security keys only and NoSuchEntity for any other device;
     * Gatehouse has no security keys yet (roadmap item 7), so every device it holds gets that
     * answer, after the same checks AWS makes on the user and the serial.
     */
    private Map<String, ?> getMfaDevice(ApiRequest request) {
        SerialNumber serial = MfaDeviceActions.serialNumber(request);
        owners.authorizeOnOwner(request, request.input().string("UserName").map(UserName::of));
        devices.getMfaDevice(request.account(), serial);
        throw new NoSuchEntityException("The MFA device " + serial + " is not a security key.");
    }

    /** The model has already admitted only its enum's values. */
    private static AssignmentStatus status(String value) {
        return switch (value) {
            case "Assigned" -> AssignmentStatus.ASSIGNED;
            case "Unassigned" -> AssignmentStatus.UNASSIGNED;
            case "Any" -> AssignmentStatus.ANY;
            default -> throw new IllegalArgumentException("AssignmentStatus " + value + " passed the model's enum");
        };
    }
}
