package dev.gatehouse.core.mfa;

import dev.gatehouse.core.Tags;
import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.crypto.SealedSecret;
import dev.gatehouse.core.user.IamPath;
import dev.gatehouse.otp.TotpParameters;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An MFA device as stored. Its seed is sealed and never leaves the domain except from creation.
 *
 * @param id internal row ID; the seed is sealed to {@code "mfa-device:<id>"}
 * @param name the virtual device's name; for a hardware token, its serial
 * @param assignment {@code null} while the device is not enabled for anyone
 * @param driftSteps how many time steps the device's clock runs ahead (positive) or behind,
 *     learned when it was enabled or last resynchronised
 * @param lastAcceptedStep the last time step whose code was accepted; {@link #NO_STEP} before any
 */
public record MfaDevice(String id, AccountId accountId, SerialNumber serial, MfaDeviceKind kind, String name,
        IamPath path, TotpParameters totp, SealedSecret seed, Instant createdAt, Assignment assignment,
        long driftSteps, long lastAcceptedStep, Tags tags) {

    /** AWS's quota of MFA devices per principal, of any kind. */
    public static final int MAXIMUM_PER_PRINCIPAL = 8;

    /** No code accepted yet: every step compares greater. */
    public static final long NO_STEP = Long.MIN_VALUE;

    public MfaDevice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(tags, "tags");
        if (kind.verifiesTimeBasedCodes()) {
            Objects.requireNonNull(totp, "a TOTP device needs its parameters");
            Objects.requireNonNull(seed, "a TOTP device needs its seed");
        }
    }

    public static String rowIdentity(String id) {
        return "mfa-device:" + id;
    }

    /** The identity bound into the sealed seed. */
    public String rowIdentity() {
        return rowIdentity(id);
    }

    public boolean isAssigned() {
        return assignment != null;
    }

    public Optional<Assignment> assignmentIfAny() {
        return Optional.ofNullable(assignment);
    }

    public MfaDevice withSeed(SealedSecret resealed) {
        return new MfaDevice(id, accountId, serial, kind, name, path, totp, resealed, createdAt, assignment,
                driftSteps, lastAcceptedStep, tags);
    }

    /** The device enabled for someone, with the drift and last accepted step its enabling codes showed. */
    public MfaDevice assigned(Assignment newAssignment, long newDriftSteps, long newLastAcceptedStep) {
        return new MfaDevice(id, accountId, serial, kind, name, path, totp, seed, createdAt, newAssignment,
                newDriftSteps, newLastAcceptedStep, tags);
    }

    public MfaDevice withTags(Tags newTags) {
        return new MfaDevice(id, accountId, serial, kind, name, path, totp, seed, createdAt, assignment,
                driftSteps, lastAcceptedStep, newTags);
    }
}
