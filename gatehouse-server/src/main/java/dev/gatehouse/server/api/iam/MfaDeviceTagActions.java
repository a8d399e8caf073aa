package dev.gatehouse.server.api.iam;

import dev.gatehouse.core.Tags;
import dev.gatehouse.core.mfa.MfaDeviceService;
import dev.gatehouse.core.mfa.SerialNumber;
import dev.gatehouse.server.api.ActionTable;
import dev.gatehouse.server.api.ApiRequest;
import dev.gatehouse.server.api.Inputs;
import dev.gatehouse.server.api.Shapes;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** TagMFADevice, UntagMFADevice, ListMFADeviceTags. */
public final class MfaDeviceTagActions {

    private final MfaDeviceService devices;

    public MfaDeviceTagActions(MfaDeviceService devices) {
        this.devices = devices;
    }

    public void addTo(ActionTable table) {
        table.add("TagMFADevice", this::tagMfaDevice)
                .add("UntagMFADevice", this::untagMfaDevice)
                .addRead("ListMFADeviceTags", this::listMfaDeviceTags);
    }

    private Map<String, ?> tagMfaDevice(ApiRequest request) {
        SerialNumber serial = authorizedSerial(request);
        devices.tagMfaDevice(request.account(), serial, Inputs.tags(request.input()));
        return Map.of();
    }

    private Map<String, ?> untagMfaDevice(ApiRequest request) {
        SerialNumber serial = authorizedSerial(request);
        List<String> keys = request.input().list("TagKeys");
        devices.untagMfaDevice(request.account(), serial, keys);
        return Map.of();
    }

    private Map<String, ?> listMfaDeviceTags(ApiRequest request) {
        SerialNumber serial = authorizedSerial(request);
        return Shapes.page("Tags", devices.listMfaDeviceTags(request.account(), serial, Inputs.marker(request.input()),
                Inputs.maxItems(request.input())), tag -> Map.of("Key", tag.getKey(), "Value", tag.getValue()));
    }

    private static SerialNumber authorizedSerial(ApiRequest request) {
        SerialNumber serial = MfaDeviceActions.serialNumber(request);
        request.authorize(serial.value(), Optional.empty());
        return serial;
    }
}
