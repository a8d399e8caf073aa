package dev.gatehouse.core.store;

import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.crypto.SealedSecret;
import dev.gatehouse.core.mfa.AssignmentStatus;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.mfa.MfaDeviceKind;
import dev.gatehouse.core.mfa.SerialNumber;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface MfaDeviceRepository {

    /**
     * @param creator who created the device, when a principal did (not the bootstrap)
     * @throws dev.gatehouse.core.error.EntityAlreadyExistsException if the serial is taken, or the
     *     name (ignoring case) is taken in the account
     */
    void insert(MfaDevice device, Optional<PrincipalRef> creator);

    Optional<MfaDevice> findBySerial(SerialNumber serial);

    /** Who created the device with that serial; empty if there is none or its creator is not recorded. */
    Optional<PrincipalRef> findCreator(SerialNumber serial);

    /** The devices enabled for {@code principal}, ordered by serial, after {@code afterSerial} if present. */
    List<MfaDevice> listAssignedTo(PrincipalRef principal, Optional<SerialNumber> afterSerial, int limit);

    int countAssignedTo(PrincipalRef principal);

    /** The account's devices of {@code kind} matching {@code status}, ordered by serial. */
    List<MfaDevice> listInAccount(AccountId accountId, MfaDeviceKind kind, AssignmentStatus status,
            Optional<SerialNumber> afterSerial, int limit);

    /**
     * Serialises changes to {@code principal}'s device assignments until the unit of work ends, so
     * that two enables racing for one principal cannot both pass the 8-device check (under
     * PostgreSQL's READ COMMITTED each would count 7). Waits while another unit of work holds it.
     */
    void lockAssignmentsOf(PrincipalRef principal);

    /** How many devices of any kind the account has that match {@code status}. */
    int countInAccount(AccountId accountId, AssignmentStatus status);

    /**
     * Enables the device for {@code principal} with the drift and last step the two codes showed,
     * if it is not assigned to anyone.
     *
     * @return whether the device was unassigned and is now assigned
     */
    boolean assign(String deviceId, PrincipalRef principal, Instant enabledAt, long driftSteps, long lastAcceptedStep);

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

    /** @return whether the device was assigned and is now not */
    boolean unassign(String deviceId);

    void updateTags(MfaDevice device);

    /** Deletes the device and, if it is virtual, gives back its place in its account's quota. @return whether there was such a device */
    boolean delete(MfaDevice device);

    /** Every device of the installation, for re-encryption under a new master key. */
    List<MfaDevice> listAll();

    void updateSeed(String deviceId, SealedSecret sealed);
}
