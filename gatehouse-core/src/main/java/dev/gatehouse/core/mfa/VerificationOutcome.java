package dev.gatehouse.core.mfa;

/** What became of one MFA code. Every outcome is written to the audit log. */
public enum VerificationOutcome {
    /** The code matched a step after the last accepted one, and that step is now used. */
    ACCEPTED,
    /** The code matched no step in the window. Counts as a failure. */
    INVALID,
    /** The code matched a step at or before the last accepted one. Counts as a failure. */
    REPLAYED,
    /** Too many recent failures on the device or the principal: the code was not even tried. */
    THROTTLED,
    /** The serial names no device enabled for this principal. Counts against the principal. */
    UNKNOWN_DEVICE;

    public boolean accepted() {
        return this == ACCEPTED;
    }

    /** Whether this outcome counts towards throttling. */
    public boolean isFailure() {
        return this == INVALID || this == REPLAYED || this == UNKNOWN_DEVICE;
    }
}
