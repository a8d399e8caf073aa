package dev.gatehouse.core.mfa;

import dev.gatehouse.core.internal.Validation;
import java.util.Locale;
import java.util.regex.Pattern;

/** A virtual MFA device's name, 1–226 characters of {@code [\w+=,.@-]}; unique per account ignoring case. */
public record DeviceName(String value) {

    private static final Pattern PATTERN = Pattern.compile("[\\w+=,.@-]+");

    /** The name the root user's device had in AWS's legacy console. */
    public static final DeviceName ROOT_ACCOUNT_MFA_DEVICE = new DeviceName("root-account-mfa-device");

    public DeviceName {
        Validation.matching(value, "VirtualMFADeviceName", 1, 226, PATTERN);
    }

    public static DeviceName of(String value) {
        return new DeviceName(value);
    }

    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
