package dev.gatehouse.core.signin;

import dev.gatehouse.core.Page;
import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.audit.AuditAction;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditPosition;
import dev.gatehouse.core.error.InvalidInputException;
import dev.gatehouse.core.internal.Lookups;
import dev.gatehouse.core.internal.Markers;
import dev.gatehouse.core.store.Store;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An account's console sign-ins as the audit log recorded them, newest first: every password
 * step (accepted, refused or throttled; whether a code was then asked for is in its detail) and
 * every completed code step, which is the one that says MFA was used.
 */
public final class SignInHistory {

    /** The audited steps of a sign-in. */
    public static final Set<AuditAction> STEPS = Set.of(AuditAction.SIGN_IN_PASSWORD, AuditAction.SIGN_IN_MFA);

    private static final String BAD_MARKER = "The marker is not one this service returned.";

    private final Store store;

    public SignInHistory(Store store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * One page of the account's sign-in events, newest first.
     *
     * @throws dev.gatehouse.core.error.ValidationException if {@code maxItems} is outside 1 to 1000
     * @throws InvalidInputException if {@code marker} is not one a previous page returned
     * @throws dev.gatehouse.core.error.NoSuchEntityException if there is no such account
     */
    public Page<AuditEvent> list(AccountId accountId, Optional<String> marker, int maxItems) {
        int limit = Markers.checkMaxItems(maxItems);
        Optional<AuditPosition> after = Markers.decode(marker).map(SignInHistory::position);
        return store.read(session -> {
            Lookups.requireAccount(session, accountId);
            List<AuditEvent> events = session.audit().list(accountId, STEPS, after, limit + 1);
            return Markers.page(events, limit, event -> event.at().toEpochMilli() + ":" + event.id());
        });
    }

    private static AuditPosition position(String sortKey) {
        int colon = sortKey.indexOf(':');
        if (colon < 1 || colon == sortKey.length() - 1) {
            throw new InvalidInputException(BAD_MARKER);
        }
        try {
            return new AuditPosition(Instant.ofEpochMilli(Long.parseLong(sortKey.substring(0, colon))),
                    sortKey.substring(colon + 1));
        } catch (NumberFormatException malformed) {
            throw new InvalidInputException(BAD_MARKER);
        }
    }
}
