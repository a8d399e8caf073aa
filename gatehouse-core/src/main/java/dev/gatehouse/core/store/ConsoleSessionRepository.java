package dev.gatehouse.core.store;

import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.console.ConsoleSession;
import java.time.Instant;
import java.util.Optional;

/** Console sessions, keyed by the digest of their ID, until they expire or end. */
public interface ConsoleSessionRepository {

    void insert(ConsoleSession session);

    Optional<ConsoleSession> find(String digest);

    /** Rewrites what can change in a session: last seen, re-authentication, the password-change flag. */
    void update(ConsoleSession session);

    /** @return whether there was such a session */
    boolean delete(String digest);

    /** Ends every session of {@code principal}. @return how many */
    int deleteAllFor(PrincipalRef principal);

    /**
     * Deletes the sessions idle since before {@code idleCutoff} or created before
     * {@code absoluteCutoff}. @return how many
     */
    int deleteExpired(Instant idleCutoff, Instant absoluteCutoff);
}
