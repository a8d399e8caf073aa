package dev.gatehouse.core.store;

import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.crypto.PasswordHash;
import dev.gatehouse.core.user.LoginProfile;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Console passwords, and the history of earlier ones that the reuse rule checks. */
public interface LoginProfileRepository {

    /**
     * Gives the principal its profile.
     *
     * @throws dev.gatehouse.core.error.EntityAlreadyExistsException if it has one, one made meanwhile included
     */
    void insert(LoginProfile profile);

    /**
     * Replaces the principal's profile, never making one: a change read before a DeleteLoginProfile
     * that committed meanwhile must not give the principal its password back.
     *
     * @return whether the principal had a profile to replace
     */
    boolean update(LoginProfile profile);

    Optional<LoginProfile> find(PrincipalRef principal);

    /**
     * As {@link #find}, for a unit of work that decides on the password it returns (a change, a
     * sign-in, the end of one): waits for the units of work changing it, holds off the next and its
     * deletion until this one ends, and returns it as they left it, so that two changes made together
     * both count. A reset then waits for a sign-in under way and ends the session it opened.
     */
    Optional<LoginProfile> findToChange(PrincipalRef principal);

    void recordUse(PrincipalRef principal, Instant at);

    /** @return whether there was a profile to delete */
    boolean delete(PrincipalRef principal);

    void appendHistory(PrincipalRef principal, PasswordHash hash, Instant at);

    /** The principal's previous hashes, newest first, at most {@code limit}. */
    List<PasswordHash> history(PrincipalRef principal, int limit);
}
