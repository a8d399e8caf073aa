package dev.gatehouse.core.store;

import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.core.user.UserCredentialSummary;
import dev.gatehouse.core.user.UserId;
import dev.gatehouse.core.user.UserName;
import java.util.List;
import java.util.Optional;

public interface UserRepository {

    /** @throws dev.gatehouse.core.error.EntityAlreadyExistsException if the name is taken, ignoring case */
    void insert(IamUser user);

    /** By the name's {@link UserName#normalized()} form. */
    Optional<IamUser> findByName(AccountId accountId, UserName name);

    Optional<IamUser> find(AccountId accountId, UserId id);

    /**
     * As {@link #find}, and holds the user until the unit of work ends: a DeleteUser running alongside
     * waits for this unit of work and then sees what it gave the user, and one that came first leaves
     * nothing to find. For the units of work that give a user what DeleteUser refuses to leave behind
     * (a password, an MFA device; access keys, which are counted first, take {@link #findToChange}),
     * which would otherwise outlive the user when the two race on a database that runs writers side by
     * side. Call it before the unit of work takes any other lock: DeleteUser takes the user's first,
     * and the other order could wait in a circle.
     */
    Optional<IamUser> findAndHold(AccountId accountId, UserId id);

    /** As {@link #findByName}, holding the user as {@link #findAndHold} does. */
    Optional<IamUser> findByNameAndHold(AccountId accountId, UserName name);

    /**
     * As {@link #findByNameToChange}, by ID: for a change computed from a count of the user's
     * credentials (its two access keys), which it also holds against DeleteUser.
     */
    Optional<IamUser> findToChange(AccountId accountId, UserId id);

    /**
     * As {@link #findByName}, for a change computed from what it returns (its tags, its name and
     * path): waits for the units of work changing the user, holds off the next and DeleteUser until
     * this one ends, and returns the user as they left it, so that two changes made together both count.
     */
    Optional<IamUser> findByNameToChange(AccountId accountId, UserName name);

    /**
     * As {@link #findByName}, for DeleteUser: waits for the units of work that hold the user
     * ({@link #findAndHold}) and holds off new ones until this one ends, so that what it then reads of
     * the user's password, keys and devices stays true until the user is deleted.
     */
    Optional<IamUser> findByNameToDelete(AccountId accountId, UserName name);

    /** Up to {@code limit} users ordered by normalized name, after {@code afterNormalizedName} if present. */
    List<IamUser> list(AccountId accountId, Optional<String> afterNormalizedName, int limit);

    /**
     * As {@link #list}, each user (without its tags) with a summary of its credentials, in one read
     * rather than one per user and credential.
     */
    List<UserCredentialSummary> listWithCredentials(AccountId accountId, Optional<String> afterNormalizedName, int limit);

    int count(AccountId accountId);

    void updateTags(IamUser user);

    /**
     * Replaces the user's name and path.
     *
     * @throws dev.gatehouse.core.error.EntityAlreadyExistsException if another user has the name, ignoring case
     */
    void updateNameAndPath(IamUser user);

    /** Deletes the user and gives back its place in its account's quota. @return whether there was such a user */
    boolean delete(AccountId accountId, UserId id);
}
