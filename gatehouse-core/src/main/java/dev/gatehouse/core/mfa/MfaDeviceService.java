package dev.gatehouse.core.mfa;

import dev.gatehouse.core.Page;
import dev.gatehouse.core.Tags;
import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.account.AccountQuota;
import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.audit.AuditAction;
import dev.gatehouse.core.audit.AuditOutcome;
import dev.gatehouse.core.audit.AuditTrail;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.crypto.SecretCipher;
import dev.gatehouse.core.error.DeleteConflictException;
import dev.gatehouse.core.error.EntityAlreadyExistsException;
import dev.gatehouse.core.error.EntityTemporarilyUnmodifiableException;
import dev.gatehouse.core.error.InvalidAuthenticationCodeException;
import dev.gatehouse.core.error.LimitExceededException;
import dev.gatehouse.core.error.NoSuchEntityException;
import dev.gatehouse.core.internal.Markers;
import dev.gatehouse.core.internal.RandomIds;
import dev.gatehouse.core.internal.Lookups;
import dev.gatehouse.core.store.Store;
import dev.gatehouse.core.throttle.FailureThrottle;
import dev.gatehouse.core.store.StoreSession;
import dev.gatehouse.core.user.IamPath;
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.core.user.UserName;
import dev.gatehouse.otp.KeyUri;
import dev.gatehouse.otp.OtpSecret;
import dev.gatehouse.otp.TotpParameters;
import dev.gatehouse.otp.TotpVerifier;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The MFA device lifecycle with AWS's semantics: create (virtual) or register (hardware), enable
 * with two consecutive codes, resync, deactivate, delete, list and tag. Code checks at sign-in are
 * {@link MfaVerifier}'s.
 */
public final class MfaDeviceService {

    /**
     * Steps either side searched by enable and resync: ±5 minutes, enough for a phone whose clock
     * is a few minutes off. Two consecutive six-digit codes matching by chance in 21 steps is a
     * one-in-fifty-thousand-million event, so the wide window costs no security.
     */
    public static final int SYNCHRONISATION_WINDOW = 10;

    private final int maximumPerAccount;

    private final Store store;
    private final SecretCipher cipher;
    private final FailureThrottle throttle;
    private final AuditTrail audit;
    private final Clock clock;
    private final RandomIds ids;

    public MfaDeviceService(Store store, SecretCipher cipher, FailureThrottle throttle, AuditTrail audit, Clock clock,
            RandomIds ids) {
        this(store, cipher, throttle, audit, clock, ids, AccountQuota.VIRTUAL_MFA_DEVICES.limit());
    }

    /** With another account quota than AWS's, so that a test can reach it without creating thousands. */
    MfaDeviceService(Store store, SecretCipher cipher, FailureThrottle throttle, AuditTrail audit, Clock clock,
            RandomIds ids, int maximumPerAccount) {
        if (maximumPerAccount < 1) {
            throw new IllegalArgumentException("the account quota must be at least one device, not " + maximumPerAccount);
        }
        this.maximumPerAccount = maximumPerAccount;
        this.store = Objects.requireNonNull(store, "store");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /**
     * CreateVirtualMFADevice: a new unassigned device with a fresh 40-byte seed. The seed and key
     * URI are in the result and nowhere else, ever.
     *
     * @throws EntityAlreadyExistsException if the account has a device of that name (ignoring case)
     * @throws LimitExceededException if the account has its quota of virtual devices, 5,000 as on AWS
     * @throws NoSuchEntityException if the account does not exist
     */
    public NewVirtualMfaDevice createVirtualMfaDevice(AccountId accountId, IamPath path, DeviceName name, Tags tags,
            Origin origin) {
        return create(accountId, path, name, tags, Optional.empty(), Optional.empty(), origin);
    }

    /**
     * CreateVirtualMFADevice on behalf of {@code creator}, who is recorded: a user who is not an
     * administrator may later delete only the unassigned devices it created. AWS labels the key URI
     * {@code device@user} when an IAM user creates the device, and {@code device@account} otherwise.
     *
     * @param creatorName the IAM user's name, if the creator is one
     */
    public NewVirtualMfaDevice createVirtualMfaDevice(AccountId accountId, IamPath path, DeviceName name, Tags tags,
            PrincipalRef creator, Optional<UserName> creatorName, Origin origin) {
        return create(accountId, path, name, tags, Optional.of(creator), creatorName, origin);
    }

    private NewVirtualMfaDevice create(AccountId accountId, IamPath path, DeviceName name, Tags tags,
            Optional<PrincipalRef> creator, Optional<UserName> creatorName, Origin origin) {
        Objects.requireNonNull(creatorName, "creatorName");
        OtpSecret seed = OtpSecret.generate();
        return store.inTransaction(session -> {
            // The reservation proves the account; it is read only for its alias, to label a device no user created.
            reservePlace(session, accountId);
            SerialNumber serial = new SerialNumber("arn:aws:iam::" + accountId + ":mfa" + path.value() + name.value());
            String id = ids.rowId();
            TotpParameters parameters = TotpParameters.AWS_DEFAULT;
            MfaDevice device = new MfaDevice(id, accountId, serial, MfaDeviceKind.VIRTUAL_TOTP, name.value(), path,
                    parameters, cipher.seal(seed.bytes(), MfaDevice.rowIdentity(id)), clock.instant(), null, 0,
                    MfaDevice.NO_STEP, tags);
            session.mfaDevices().insert(device, creator);
            audit.record(session, accountId, accountId.rootArn(), AuditAction.MFA_DEVICE_CREATED, AuditOutcome.SUCCESS,
                    origin, false, "virtual device " + serial);
            // Without a user, AWS labels the key device@account; the alias reads better in an app than the ID.
            String accountName = creatorName.map(UserName::value).orElseGet(() -> Lookups.requireAccount(session, accountId)
                    .aliasIfAny().map(Object::toString).orElse(accountId.value()));
            KeyUri keyUri = KeyUri.totp(null, name.value() + "@" + accountName, seed, parameters);
            return new NewVirtualMfaDevice(device, seed, keyUri);
        });
    }

    private void reservePlace(StoreSession session, AccountId accountId) {
        if (!session.quotas().reserve(accountId, AccountQuota.VIRTUAL_MFA_DEVICES, maximumPerAccount)) {
            throw AccountQuota.VIRTUAL_MFA_DEVICES.exceeded(maximumPerAccount);
        }
    }

    /**
     * Registers a hardware TOTP token by its vendor serial and seed, as an administrator does
     * before a user can enable it.
     *
     * @throws EntityAlreadyExistsException if a device has that serial
     */
    public MfaDevice registerHardwareToken(AccountId accountId, SerialNumber serial, OtpSecret seed,
            TotpParameters parameters, Origin origin) {
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(parameters, "parameters");
        return store.inTransaction(session -> {
            Lookups.requireAccount(session, accountId);
            String id = ids.rowId();
            MfaDevice device = new MfaDevice(id, accountId, serial, MfaDeviceKind.HARDWARE_TOTP, serial.value(),
                    IamPath.ROOT, parameters, cipher.seal(seed.bytes(), MfaDevice.rowIdentity(id)), clock.instant(),
                    null, 0, MfaDevice.NO_STEP, Tags.NONE);
            session.mfaDevices().insert(device, Optional.empty());
            audit.record(session, accountId, accountId.rootArn(), AuditAction.MFA_DEVICE_CREATED, AuditOutcome.SUCCESS,
                    origin, false, "hardware token " + serial);
            return device;
        });
    }

    /**
     * EnableMFADevice: assigns the device to {@code principal} if the two codes are consecutive
     * somewhere within {@value #SYNCHRONISATION_WINDOW} steps of now, and stores the drift they show.
     * Both codes count as used.
     *
     * @throws NoSuchEntityException if the device or principal does not exist in that account
     * @throws EntityAlreadyExistsException if the device is assigned already
     * @throws LimitExceededException if the principal has 8 devices
     * @throws InvalidAuthenticationCodeException if the codes are wrong or not consecutive
     * @throws EntityTemporarilyUnmodifiableException while too many recent failures block attempts
     */
    public MfaDevice enableMfaDevice(PrincipalRef principal, SerialNumber serial, String code1, String code2,
            Origin origin) {
        return store.inTransaction(session -> enable(session, principal, Lookups.holdPrincipalArn(session, principal),
                serial, code1, code2, origin)).deviceOrThrow();
    }

    /**
     * EnableMFADevice for the IAM user {@code userName}, found in the same unit of work, so that
     * the request needs no separate look-up.
     *
     * @throws NoSuchEntityException if there is no such user, or no such device in the account
     * @see #enableMfaDevice(PrincipalRef, SerialNumber, String, String, Origin)
     */
    public MfaDevice enableMfaDevice(AccountId accountId, UserName userName, SerialNumber serial, String code1,
            String code2, Origin origin) {
        return store.inTransaction(session -> {
            IamUser user = session.users().findByNameAndHold(accountId, userName)
                    .orElseThrow(() -> new NoSuchEntityException("The user with name " + userName + " cannot be found."));
            return enable(session, user.principal(), user.arn(), serial, code1, code2, origin);
        }).deviceOrThrow();
    }

    private Attempt enable(StoreSession session, PrincipalRef principal, String actor, SerialNumber serial,
            String code1, String code2, Origin origin) {
        Instant now = clock.instant();
        MfaDevice device = requireDevice(session, principal.accountId(), serial);
        if (device.isAssigned()) {
            throw alreadyAssigned(serial);
        }
        List<String> keys = List.of(ThrottleKeys.throttleKey(device), ThrottleKeys.throttleKey(principal));
        FailureThrottle.Standing standing = throttle.standing(session, keys, now);
        Optional<Attempt> refused = refuseIfThrottled(session, principal, standing, actor, AuditAction.MFA_DEVICE_ENABLED,
                origin);
        if (refused.isPresent()) {
            return refused.get();
        }
        long current = device.totp().stepAt(now);
        OptionalLong second = secondStep(device, code1, code2, current);
        if (second.isEmpty()) {
            return fail(session, principal, keys, actor, AuditAction.MFA_DEVICE_ENABLED, origin, now, serial);
        }
        long drift = second.getAsLong() - current;
        Assignment assignment = new Assignment(principal, now);
        switch (session.mfaDevices().assign(device.id(), assignment, drift, second.getAsLong(),
                MfaDevice.MAXIMUM_PER_PRINCIPAL)) {
            case ASSIGNED -> { }
            case ALREADY_ASSIGNED -> throw changedMeanwhile(session, device, alreadyAssigned(serial));
            case PRINCIPAL_AT_LIMIT -> throw new LimitExceededException("A principal can have at most "
                    + MfaDevice.MAXIMUM_PER_PRINCIPAL + " MFA devices.");
        }
        throttle.reset(session, standing);
        audit.record(session, principal.accountId(), actor, AuditAction.MFA_DEVICE_ENABLED, AuditOutcome.SUCCESS,
                origin, true, serial + " drift " + drift + " steps");
        // What assign wrote, without reading it back.
        return Attempt.succeeded(device.assigned(assignment, drift, Math.max(device.lastAcceptedStep(), second.getAsLong())));
    }

    /**
     * ResyncMFADevice: learns the device's drift again from two consecutive codes, which must come
     * after the last accepted step.
     *
     * @throws NoSuchEntityException if the device is not enabled for {@code principal}
     * @throws InvalidAuthenticationCodeException if the codes are wrong, not consecutive or used
     * @throws EntityTemporarilyUnmodifiableException while too many recent failures block attempts
     */
    public MfaDevice resyncMfaDevice(PrincipalRef principal, SerialNumber serial, String code1, String code2,
            Origin origin) {
        Attempt attempt = store.inTransaction(session -> {
            Instant now = clock.instant();
            // Locked, as for a sign-in's code: a code accepted meanwhile must count as used here, and
            // a burst of wrong pairs is counted one after another.
            MfaDevice device = assignedTo(session.mfaDevices().findBySerialToChange(serial), principal, serial);
            List<String> keys = List.of(ThrottleKeys.throttleKey(device), ThrottleKeys.throttleKey(principal));
            String actor = Lookups.arn(session, principal);
            FailureThrottle.Standing standing = throttle.standing(session, keys, now);
            Optional<Attempt> refused = refuseIfThrottled(session, principal, standing, actor,
                    AuditAction.MFA_DEVICE_RESYNCED, origin);
            if (refused.isPresent()) {
                return refused.get();
            }
            long current = device.totp().stepAt(now);
            OptionalLong second = secondStep(device, code1, code2, current);
            // The first code's step must be unused too: a pair straddling the last accepted step is a replay.
            if (second.isEmpty() || second.getAsLong() - 1 <= device.lastAcceptedStep()
                    || !session.mfaDevices().resynchronise(device.id(), second.getAsLong() - current,
                            second.getAsLong())) {
                return fail(session, principal, keys, actor, AuditAction.MFA_DEVICE_RESYNCED, origin, now, serial);
            }
            throttle.reset(session, standing);
            audit.record(session, principal.accountId(), actor, AuditAction.MFA_DEVICE_RESYNCED, AuditOutcome.SUCCESS,
                    origin, true, serial + " drift " + (second.getAsLong() - current) + " steps");
            return Attempt.succeeded(session.mfaDevices().findBySerial(serial).orElseThrow());
        });
        return attempt.deviceOrThrow();
    }

    /**
     * DeactivateMFADevice: unassigns the device; a virtual one can then be deleted or enabled again.
     *
     * @throws NoSuchEntityException if the device is not enabled for {@code principal}
     */
    public void deactivateMfaDevice(PrincipalRef principal, SerialNumber serial, Origin origin) {
        store.inTransaction(session -> {
            MfaDevice device = requireAssignedTo(session, principal, serial);
            if (!session.mfaDevices().unassign(device)) {
                throw new EntityTemporarilyUnmodifiableException("The MFA device " + serial + " is being changed.");
            }
            audit.record(session, principal.accountId(), Lookups.arn(session, principal),
                    AuditAction.MFA_DEVICE_DEACTIVATED, AuditOutcome.SUCCESS, origin, false, serial.value());
            return null;
        });
    }

    /**
     * DeleteVirtualMFADevice.
     *
     * @throws NoSuchEntityException if the account has no virtual device with that serial
     * @throws DeleteConflictException if the device is still assigned
     */
    public void deleteVirtualMfaDevice(AccountId accountId, SerialNumber serial, Origin origin) {
        store.inTransaction(session -> {
            MfaDevice device = requireDevice(session, accountId, serial);
            if (device.kind() != MfaDeviceKind.VIRTUAL_TOTP) {
                throw new NoSuchEntityException("VirtualMFADevice with serial " + serial + " not found.");
            }
            if (device.isAssigned()) {
                throw assignedStill(serial);
            }
            if (!session.mfaDevices().delete(device)) {
                throw changedMeanwhile(session, device, assignedStill(serial));
            }
            session.throttles().reset(ThrottleKeys.throttleKey(device));
            audit.record(session, accountId, accountId.rootArn(), AuditAction.MFA_DEVICE_DELETED, AuditOutcome.SUCCESS,
                    origin, false, serial.value());
            return null;
        });
    }

    /** ListMFADevices: the devices enabled for {@code principal}, by serial. */
    public Page<MfaDevice> listMfaDevices(PrincipalRef principal, Optional<String> marker, int maxItems) {
        int limit = Markers.checkMaxItems(maxItems);
        Optional<SerialNumber> after = Markers.decode(marker).map(SerialNumber::new);
        return store.read(session -> {
            List<MfaDevice> devices = session.mfaDevices().listAssignedTo(principal, after, limit + 1);
            // A device assigned proves its principal (DeleteUser refuses while one remains), so
            // only an empty page needs the look-up that tells "no devices" from "no such user".
            if (devices.isEmpty()) {
                Lookups.requirePrincipal(session, principal);
            }
            return Markers.page(devices, limit, device -> device.serial().value());
        });
    }

    /** ListVirtualMFADevices: the account's virtual devices with that status, by serial. Never seeds. */
    public Page<MfaDevice> listVirtualMfaDevices(AccountId accountId, AssignmentStatus status, Optional<String> marker,
            int maxItems) {
        int limit = Markers.checkMaxItems(maxItems);
        Optional<SerialNumber> after = Markers.decode(marker).map(SerialNumber::new);
        return store.read(session -> {
            Lookups.requireAccount(session, accountId);
            List<MfaDevice> devices = session.mfaDevices().listInAccount(accountId, MfaDeviceKind.VIRTUAL_TOTP, status,
                    after, limit + 1);
            return Markers.page(devices, limit, device -> device.serial().value());
        });
    }

    /** Who created the virtual device, when that was recorded; empty for an unknown serial too. */
    public Optional<PrincipalRef> findCreator(AccountId accountId, SerialNumber serial) {
        return store.read(session -> session.mfaDevices().findBySerial(serial)
                .filter(device -> device.accountId().equals(accountId))
                .flatMap(device -> session.mfaDevices().findCreator(serial)));
    }

    /** The device, to describe it; its seed stays sealed. */
    public MfaDevice getMfaDevice(AccountId accountId, SerialNumber serial) {
        return store.read(session -> requireDevice(session, accountId, serial));
    }

    /** ListMFADeviceTags: the device's tags in key order, a page at a time. */
    public Page<Map.Entry<String, String>> listMfaDeviceTags(AccountId accountId, SerialNumber serial,
            Optional<String> marker, int maxItems) {
        int limit = Markers.checkMaxItems(maxItems);
        Optional<String> after = Markers.decode(marker);
        Tags tags = store.read(session -> requireDevice(session, accountId, serial)).tags();
        List<Map.Entry<String, String>> following = tags.values().entrySet().stream()
                .filter(tag -> after.isEmpty() || tag.getKey().compareTo(after.get()) > 0)
                .limit(limit + 1L)
                .map(tag -> Map.entry(tag.getKey(), tag.getValue()))
                .toList();
        return Markers.page(following, limit, Map.Entry::getKey);
    }

    public Tags tagMfaDevice(AccountId accountId, SerialNumber serial, Tags added) {
        return store.inTransaction(session -> {
            MfaDevice device = requireDeviceToChange(session, accountId, serial);
            MfaDevice tagged = device.withTags(device.tags().with(added));
            session.mfaDevices().updateTags(tagged);
            return tagged.tags();
        });
    }

    public Tags untagMfaDevice(AccountId accountId, SerialNumber serial, Collection<String> keys) {
        return store.inTransaction(session -> {
            MfaDevice device = requireDeviceToChange(session, accountId, serial);
            MfaDevice untagged = device.withTags(device.tags().without(keys));
            session.mfaDevices().updateTags(untagged);
            return untagged.tags();
        });
    }

    private OptionalLong secondStep(MfaDevice device, String code1, String code2, long current) {
        OtpSecret seed = OtpSecret.of(cipher.open(device.seed(), device.rowIdentity()));
        return ConsecutiveCodes.secondStep(new TotpVerifier(device.totp()), seed, code1, code2, current,
                SYNCHRONISATION_WINDOW);
    }

    private Optional<Attempt> refuseIfThrottled(StoreSession session, PrincipalRef principal,
            FailureThrottle.Standing standing, String actor, AuditAction action, Origin origin) {
        return standing.blockedUntil().map(until -> {
            audit.record(session, principal.accountId(), actor, action, AuditOutcome.THROTTLED, origin, false,
                    "blocked until " + until);
            return Attempt.failed(new EntityTemporarilyUnmodifiableException(
                    "Too many failed MFA attempts; try again after " + until + "."));
        });
    }

    private Attempt fail(StoreSession session, PrincipalRef principal, List<String> keys, String actor,
            AuditAction action, Origin origin, Instant now, SerialNumber serial) {
        throttle.recordFailure(session, keys, now);
        audit.record(session, principal.accountId(), actor, action, AuditOutcome.INVALID, origin, false,
                serial.value());
        return Attempt.failed(new InvalidAuthenticationCodeException(
                "Authentication code for device is not valid."));
    }


    /**
     * A write found the device changed since this unit of work read it: another request enabled it,
     * or deleted it (and perhaps made another of the same name). {@code stillThere} if it is still
     * there, NoSuchEntity if it is gone.
     */
    private static RuntimeException changedMeanwhile(StoreSession session, MfaDevice read, RuntimeException stillThere) {
        boolean there = session.mfaDevices().findBySerial(read.serial()).filter(now -> now.id().equals(read.id()))
                .isPresent();
        return there ? stillThere : new NoSuchEntityException("MFA device with serial " + read.serial() + " not found.");
    }

    private static EntityAlreadyExistsException alreadyAssigned(SerialNumber serial) {
        return new EntityAlreadyExistsException("The MFA device " + serial + " is already assigned.");
    }

    private static DeleteConflictException assignedStill(SerialNumber serial) {
        return new DeleteConflictException("The MFA device " + serial + " is assigned: deactivate it first.");
    }

    private static MfaDevice requireDevice(StoreSession session, AccountId accountId, SerialNumber serial) {
        return inAccount(session.mfaDevices().findBySerial(serial), accountId, serial);
    }

    /** As {@link #requireDevice}, for a change made from what it returns (MfaDeviceRepository#findBySerialToChange). */
    private static MfaDevice requireDeviceToChange(StoreSession session, AccountId accountId, SerialNumber serial) {
        return inAccount(session.mfaDevices().findBySerialToChange(serial), accountId, serial);
    }

    private static MfaDevice inAccount(Optional<MfaDevice> found, AccountId accountId, SerialNumber serial) {
        return found.filter(device -> device.accountId().equals(accountId))
                .orElseThrow(() -> new NoSuchEntityException("MFA device with serial " + serial + " not found."));
    }

    private static MfaDevice requireAssignedTo(StoreSession session, PrincipalRef principal, SerialNumber serial) {
        return assignedTo(session.mfaDevices().findBySerial(serial), principal, serial);
    }

    private static MfaDevice assignedTo(Optional<MfaDevice> found, PrincipalRef principal, SerialNumber serial) {
        return found
                .filter(device -> device.isAssigned() && device.assignment().principal().equals(principal))
                .orElseThrow(() -> new NoSuchEntityException("MFA device with serial " + serial
                        + " is not enabled for this principal."));
    }

    /**
     * The end of an enable or resync. A failure is returned rather than thrown inside the unit of
     * work, so that the failure count and audit event it wrote are committed, then thrown.
     */
    private record Attempt(MfaDevice device, RuntimeException failure) {

        static Attempt succeeded(MfaDevice device) {
            return new Attempt(device, null);
        }

        static Attempt failed(RuntimeException failure) {
            return new Attempt(null, failure);
        }

        MfaDevice deviceOrThrow() {
            if (failure != null) {
                throw failure;
            }
            return device;
        }
    }
}
