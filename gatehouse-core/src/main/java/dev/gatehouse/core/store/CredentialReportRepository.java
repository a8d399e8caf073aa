package dev.gatehouse.core.store;

import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.account.CredentialReport;
import java.util.Optional;

/**
 * Each account's latest credential report, kept in the store so that its state and age survive
 * restarts and every node answers GetCredentialReport alike.
 */
public interface CredentialReportRepository {

    /** Inserts or replaces the account's report. */
    void save(AccountId accountId, CredentialReport report);

    Optional<CredentialReport> find(AccountId accountId);
}
