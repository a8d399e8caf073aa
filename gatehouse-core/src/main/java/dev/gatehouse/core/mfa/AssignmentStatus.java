package dev.gatehouse.core.mfa;

/** ListVirtualMFADevices' filter. */
public enum AssignmentStatus {
    ASSIGNED,
    UNASSIGNED,
    ANY;

    public boolean admits(MfaDevice device) {
        return switch (this) {
            case ASSIGNED -> device.isAssigned();
            case UNASSIGNED -> !device.isAssigned();
            case ANY -> true;
        };
    }
}
