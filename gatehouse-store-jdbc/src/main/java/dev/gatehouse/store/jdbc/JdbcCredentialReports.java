package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.account.CredentialReport;
import dev.gatehouse.core.store.CredentialReportRepository;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

final class JdbcCredentialReports implements CredentialReportRepository {

    private final Handle handle;

    JdbcCredentialReports(Handle handle) {
        this.handle = handle;
    }

    /**
     * An upsert rather than delete-and-insert: two nodes generating at once under READ COMMITTED
     * would otherwise both insert and one would fail. SQLite, PostgreSQL and CockroachDB all
     * accept {@code ON CONFLICT … DO UPDATE}.
     */
    @Override
    public void save(AccountId accountId, CredentialReport report) {
        handle.createUpdate("INSERT INTO credential_reports (account_id, generated_at, content)"
                + " VALUES (:account, :generated, :content)"
                + " ON CONFLICT (account_id) DO UPDATE SET generated_at = excluded.generated_at, content = excluded.content")
                .bind("account", accountId.value()).bind("generated", report.generatedAt().toEpochMilli())
                .bind("content", report.toCsv()).execute();
    }

    @Override
    public Optional<CredentialReport> find(AccountId accountId) {
        return handle.createQuery("SELECT generated_at, content FROM credential_reports WHERE account_id = :account")
                .bind("account", accountId.value())
                .map((row, context) -> CredentialReport.fromCsv(Instant.ofEpochMilli(row.getLong("generated_at")),
                        row.getString("content")))
                .findOne();
    }
}
