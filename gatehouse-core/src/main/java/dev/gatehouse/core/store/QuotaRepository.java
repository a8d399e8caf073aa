package dev.gatehouse.core.store;

import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.account.AccountQuota;

/**
 * How much of each of its quotas an account uses, kept beside what the quotas count: a creation
 * takes its place in the unit of work of its insert, and a failed unit gives it back with its
 * rollback. Deleting gives places back too, in the repositories' delete methods, so that no
 * deletion can forget to.
 */
public interface QuotaRepository {

    /**
     * Counts one more against {@code quota} if the account has fewer than {@code limit} counted,
     * in one statement, so that two creations racing at the edge cannot both pass: the row lock
     * (PostgreSQL) or the single writer (SQLite) orders them.
     *
     * <p>It also proves the account: a creation that reserves needs no look-up of its own first.
     *
     * @return whether the account had room, and a place is now taken
     * @throws dev.gatehouse.core.error.NoSuchEntityException if the account does not exist
     */
    boolean reserve(AccountId accountId, AccountQuota quota, int limit);
}
