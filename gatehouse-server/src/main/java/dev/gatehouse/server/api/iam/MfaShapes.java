package dev.gatehouse.server.api.iam;

import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.mfa.NewVirtualMfaDevice;
import dev.gatehouse.server.api.Shapes;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** MFA devices as the members of the IAM model's {@code VirtualMFADevice} and {@code MFADevice} shapes. */
final class MfaShapes {

    private MfaShapes() {
    }

    /**
     * The one {@code VirtualMFADevice} that carries the bootstrap data: the seed as the ASCII of its
     * base32 text (the wire adds base64, as for any blob) and the key URI's QR code as PNG.
     */
    static Map<String, Object> created(NewVirtualMfaDevice created, byte[] qrCodePng) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("SerialNumber", created.device().serial().value());
        shape.put("Base32StringSeed", created.base32Seed().getBytes(StandardCharsets.US_ASCII));
        shape.put("QRCodePNG", qrCodePng);
        if (!created.device().tags().values().isEmpty()) {
            shape.put("Tags", Shapes.tags(created.device().tags()));
        }
        return shape;
    }

    /** A {@code VirtualMFADevice} as listed: serial, owner, enable date and tags, never bootstrap data. */
    static Map<String, Object> listed(MfaDevice device, MfaDeviceOwners owners) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("SerialNumber", device.serial().value());
        device.assignmentIfAny().ifPresent(assignment -> {
            shape.put("User", owners.user(assignment.principal()));
            shape.put("EnableDate", assignment.enabledAt());
        });
        if (!device.tags().values().isEmpty()) {
            shape.put("Tags", Shapes.tags(device.tags()));
        }
        return shape;
    }

    /** An {@code MFADevice}: one enabled for the principal the API calls {@code ownerName}. */
    static Map<String, Object> enabled(MfaDevice device, String ownerName) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("UserName", ownerName);
        shape.put("SerialNumber", device.serial().value());
        shape.put("EnableDate", device.assignment().enabledAt());
        return shape;
    }
}
