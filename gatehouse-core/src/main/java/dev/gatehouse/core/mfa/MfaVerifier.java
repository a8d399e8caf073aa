package dev.gatehouse.core.mfa;

import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.audit.AuditAction;
import dev.gatehouse.core.audit.AuditOutcome;
import dev.gatehouse.core.audit.AuditTrail;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.crypto.SecretCipher;
import dev.gatehouse.core.internal.Lookups;
import dev.gatehouse.core.store.Store;
import dev.gatehouse.core.throttle.FailureThrottle;
import dev.gatehouse.core.store.StoreSession;
import dev.gatehouse.otp.OtpSecret;
import dev.gatehouse.otp.TotpVerifier;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Checks an MFA code at sign-in or on an API call, the way RFC 6238 §5.2 and NIST SP 800-63B
 * ask: within one step either side of the device's learned drift, once only, and throttled.
 * Thread-safe; any number of nodes may verify against one store.
 */
public final class MfaVerifier {

    /** Steps either side of the drift-corrected step: RFC 6238's "at most one step of network delay". */
    public static final int SIGN_IN_WINDOW = 1;

    private final Store store;
    private final SecretCipher cipher;
    private final FailureThrottle throttle;
    private final AuditTrail audit;
    private final Clock clock;

    public MfaVerifier(Store store, SecretCipher cipher, FailureThrottle throttle, AuditTrail audit, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Verifies {@code code} from the device {@code serial} of {@code principal}, marks its step
     * used when accepted, counts a failure otherwise, and audits the outcome.
     */
    public VerificationOutcome verify(PrincipalRef principal, SerialNumber serial, String code, Origin origin) {
        return store.inTransaction(session -> verify(session, principal, serial, code, origin));
    }

    /**
     * {@link #verify(PrincipalRef, SerialNumber, String, Origin)} inside the caller's unit of work, for a
     * caller that records more about the same attempt (the console's sign-in step).
     */
    public VerificationOutcome verify(StoreSession session, PrincipalRef principal, SerialNumber serial, String code,
            Origin origin) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(origin, "origin");
        Instant now = clock.instant();
        String actor = Lookups.arn(session, principal);
        // Locked first, so that attempts on one device are counted one after another: read side by side,
        // a burst of wrong codes would each see the device not yet throttled.
        Optional<MfaDevice> found = session.mfaDevices().findBySerialToChange(serial)
                .filter(device -> device.isAssigned() && device.assignment().principal().equals(principal))
                .filter(device -> device.kind().verifiesTimeBasedCodes());
        if (found.isEmpty()) {
            List<String> principalOnly = List.of(ThrottleKeys.throttleKey(principal));
            // A locked principal is told so whatever serial it names, so serials cannot be probed while locked.
            FailureThrottle.Standing standing = throttle.standing(session, principalOnly, now);
            return conclude(session, principal, principalOnly, standing, actor,
                    standing.blockedUntil().isPresent() ? VerificationOutcome.THROTTLED : VerificationOutcome.UNKNOWN_DEVICE,
                    origin, now, "device " + serial);
        }
        MfaDevice device = found.get();
        List<String> keys = List.of(ThrottleKeys.throttleKey(device), ThrottleKeys.throttleKey(principal));
        FailureThrottle.Standing standing = throttle.standing(session, keys, now);
        if (standing.blockedUntil().isPresent()) {
            return conclude(session, principal, keys, standing, actor, VerificationOutcome.THROTTLED, origin, now,
                    "device " + serial + " blocked until " + standing.blockedUntil().get());
        }
        VerificationOutcome outcome = check(session, device, code, now);
        return conclude(session, principal, keys, standing, actor, outcome, origin, now, "device " + serial);
    }

    /**
     * Until when codes for {@code serial} of {@code principal} are refused, if they are now: what a
     * sign-in page tells a user whose code was {@link VerificationOutcome#THROTTLED}.
     */
    public Optional<Instant> blockedUntil(PrincipalRef principal, SerialNumber serial) {
        return store.read(session -> {
            List<String> keys = new ArrayList<>(List.of(ThrottleKeys.throttleKey(principal)));
            session.mfaDevices().findBySerial(serial)
                    .filter(device -> device.isAssigned() && device.assignment().principal().equals(principal))
                    .ifPresent(device -> keys.add(ThrottleKeys.throttleKey(device)));
            return throttle.blockedUntil(session, keys, clock.instant());
        });
    }

    private VerificationOutcome check(StoreSession session, MfaDevice device, String code, Instant now) {
        OtpSecret seed = OtpSecret.of(cipher.open(device.seed(), device.rowIdentity()));
        TotpVerifier verifier = new TotpVerifier(device.totp());
        long centre = device.totp().stepAt(now) + device.driftSteps();
        OptionalLong step = verifier.verifyAround(seed, code, centre, SIGN_IN_WINDOW);
        if (step.isEmpty()) {
            return VerificationOutcome.INVALID;
        }
        // The first test saves a write for the common replay; the atomic update decides races.
        if (step.getAsLong() <= device.lastAcceptedStep()
                || !session.mfaDevices().advanceLastAcceptedStep(device.id(), step.getAsLong())) {
            return VerificationOutcome.REPLAYED;
        }
        return VerificationOutcome.ACCEPTED;
    }

    /** Counts a failure against every one of {@code keys}; a success forgets the failures {@code standing} saw. */
    private VerificationOutcome conclude(StoreSession session, PrincipalRef principal, List<String> keys,
            FailureThrottle.Standing standing, String actor, VerificationOutcome outcome, Origin origin, Instant now,
            String detail) {
        if (outcome.isFailure()) {
            throttle.recordFailure(session, keys, now);
        } else if (outcome.accepted()) {
            throttle.reset(session, standing);
        }
        audit.record(session, principal.accountId(), actor, AuditAction.MFA_VERIFICATION, AuditOutcome.of(outcome),
                origin, outcome.accepted(), detail);
        return outcome;
    }
}
