package dev.gatehouse.core.store;

import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.account.AccountAlias;
import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.account.EmailAddress;
import java.util.List;
import java.util.Optional;

public interface AccountRepository {

    /**
     * @throws dev.gatehouse.core.error.EntityAlreadyExistsException if the ID, e-mail address
     *     (ignoring case) or alias is taken
     */
    void insert(Account account);

    Optional<Account> find(AccountId id);

    /**
     * As {@link #find}, for a change computed from what it returns (the alias, the password policy, or
     * a count of the root user's credentials): waits for the units of work changing it, holds off the next
     * and its deletion until this one ends, and returns it as they left it, so that two changes made
     * together both count.
     */
    Optional<Account> findToChange(AccountId id);

    Optional<Account> findByAlias(AccountAlias alias);

    /** By the address's {@link EmailAddress#normalized()} form. */
    Optional<Account> findByRootEmail(EmailAddress email);

    /**
     * Replaces the alias and password policy.
     *
     * @throws dev.gatehouse.core.error.EntityAlreadyExistsException if the alias is taken
     */
    void update(Account account);

    /** Every account, by ID. */
    List<Account> list();
}
