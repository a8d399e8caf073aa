package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.account.AccountQuota;
import dev.gatehouse.core.error.NoSuchEntityException;
import dev.gatehouse.core.store.QuotaRepository;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Handle;

/**
 * The quotas' use, one row per account and quota: checking a quota reads one row, where counting
 * the account's users or devices read up to 5,000 index entries on every creation.
 */
final class JdbcQuotas implements QuotaRepository {

    private final Handle handle;

    JdbcQuotas(Handle handle) {
        this.handle = handle;
    }

    @Override
    public boolean reserve(AccountId accountId, AccountQuota quota, int limit) {
        try {
            return handle.createUpdate("INSERT INTO account_quota_use (account_id, quota, used) VALUES (:account, :quota, 1)"
                    + " ON CONFLICT (account_id, quota) DO UPDATE SET used = account_quota_use.used + 1"
                    + " WHERE account_quota_use.used < :limit")
                    .bind("account", accountId.value()).bind("quota", quota.key()).bind("limit", limit).execute() == 1;
        } catch (RuntimeException e) {
            // The row's foreign key is the account look-up: an account's first creation inserts the
            // row, and a row exists only for an account that does.
            if (StorageErrors.isForeignKeyViolation(e)) {
                throw new NoSuchEntityException("The account " + accountId + " cannot be found.");
            }
            throw e;
        }
    }

    /**
     * Runs {@code delete}, a repository's deletion of one row that {@code quota} counts, and gives
     * its place back if it deleted one. The quota's row is locked first, before the deletion, as a
     * creation takes it before its insert: in the other order, on PostgreSQL, deleting a user and
     * creating one of the same name would each wait for a lock the other holds (the name's unique
     * key, the quota's row).
     *
     * @return what {@code delete} returned: whether it deleted a row
     */
    static boolean deleteCounted(Handle handle, AccountId accountId, AccountQuota quota, BooleanSupplier delete) {
        count(handle, accountId, quota, -1);
        boolean deleted = delete.getAsBoolean();
        if (!deleted) {
            count(handle, accountId, quota, 1);
        }
        return deleted;
    }

    private static void count(Handle handle, AccountId accountId, AccountQuota quota, int change) {
        handle.createUpdate("UPDATE account_quota_use SET used = used + :change WHERE account_id = :account AND quota = :quota")
                .bind("change", change).bind("account", accountId.value()).bind("quota", quota.key()).execute();
    }
}
