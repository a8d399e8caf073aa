package dev.gatehouse.core.store;

import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.crypto.SealedSecret;
import dev.gatehouse.core.mfa.Assignment;
import dev.gatehouse.core.mfa.AssignmentStatus;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.mfa.MfaDeviceKind;
import dev.gatehouse.core.mfa.SerialNumber;
import java.util.List;
import java.util.Optional;

public interface MfaDeviceRepository {

    /** What {@link #assign} did. */
    enum AssignOutcome {
        /** The device is the principal's now, and counted against its limit. */
        ASSIGNED,
        /** The device was assigned already, or is gone; nothing changed. */
        ALREADY_ASSIGNED,
        /** The principal has its limit of devices; nothing changed. */
        PRINCIPAL_AT_LIMIT
    }

    /**
     * Stores a new, unassigned device.
     *
     * @param creator who created the device, when a principal did (not the bootstrap)
     * @throws IllegalArgumentException if the device is assigned: devices are assigned by {@link #assign} only
     * @throws dev.gatehouse.core.error.EntityAlreadyExistsException if the serial is taken, or the
     *     name (ignoring case) is taken in the account
     */
    void insert(MfaDevice device, Optional<PrincipalRef> creator);

    Optional<MfaDevice> findBySerial(SerialNumber serial);

    /**
     * As {@link #findBySerial}, for a change computed from what it returns (its tags): waits for the
     * units of work changing the device, holds off the next and the device's deletion until this one
     * ends, and returns the device as they left it, so that two changes made together both count.
     */
    Optional<MfaDevice> findBySerialToChange(SerialNumber serial);

    /** Who created the device with that serial; empty if there is none or its creator is not recorded. */
    Optional<PrincipalRef> findCreator(SerialNumber serial);

    /** The devices enabled for {@code principal}, ordered by serial, after {@code afterSerial} if present. */
    List<MfaDevice> listAssignedTo(PrincipalRef principal, Optional<SerialNumber> afterSerial, int limit);

    /** How many devices are enabled for {@code principal}, counted on the devices themselves. */
    int countAssignedTo(PrincipalRef principal);

    /** The account's devices of {@code kind} matching {@code status}, ordered by serial. */
    List<MfaDevice> listInAccount(AccountId accountId, MfaDeviceKind kind, AssignmentStatus status,
            Optional<SerialNumber> afterSerial, int limit);

    /** How many devices of any kind the account has that match {@code status}. */
    int countInAccount(AccountId accountId, AssignmentStatus status);

    /**
     * Enables the device for the assignment's principal with the drift and last step the two codes
     * showed, if it is assigned to no one and the principal has fewer than {@code limit} devices.
     * The store keeps each principal's count of enabled devices for this check, changed by this and
     * {@link #unassign}; it stays locked until the unit of work ends, so two enables racing for one
     * principal cannot both take its last place (under PostgreSQL's READ COMMITTED each would have
     * counted one less); another unit of work changing that principal's devices waits meanwhile.
     *
     * @param deviceId a device read in this unit of work, in the principal's account
     */
    AssignOutcome assign(String deviceId, Assignment assignment, long driftSteps, long lastAcceptedStep, int limit);

    /**
     * Stores a new drift and marks {@code lastAcceptedStep} used, if that step is after the last
     * accepted one, atomically.
     */
    boolean resynchronise(String deviceId, long driftSteps, long lastAcceptedStep);

    /**
     * The replay guard: marks {@code step} used if, and only if, it is after the last accepted
     * step, in one atomic statement ({@code UPDATE … WHERE last_step < ?}). Two callers racing
     * with the same step get one {@code true}.
     */
    boolean advanceLastAcceptedStep(String deviceId, long step);

    /**
     * Unassigns the device from the principal it was read assigned to, and gives that principal's
     * place back.
     *
     * @return whether it was still assigned to that principal and is now not
     */
    boolean unassign(MfaDevice device);

    void updateTags(MfaDevice device);

    /**
     * Deletes the device if it is unassigned and, if it is virtual, gives back its place in its
     * account's quota.
     *
     * @return whether there was such a device, unassigned
     */
    boolean delete(MfaDevice device);

    /** Every device of the installation, for re-encryption under a new master key. */
    List<MfaDevice> listAll();

    void updateSeed(String deviceId, SealedSecret sealed);
}
