package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.account.AccountAlias;
import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.account.EmailAddress;
import dev.gatehouse.core.account.PasswordPolicy;
import dev.gatehouse.core.error.EntityAlreadyExistsException;
import dev.gatehouse.core.store.AccountRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

final class JdbcAccounts implements AccountRepository {

    private static final String COLUMNS = "id, alias, root_email, root_email_normalized, policy_minimum_length,"
            + " policy_require_symbols, policy_require_numbers, policy_require_uppercase, policy_require_lowercase,"
            + " policy_minimum_classes, policy_reuse_prevention, policy_maximum_age_days,"
            + " policy_allow_users_to_change_password, policy_hard_expiry, created_at";

    private final Handle handle;
    private final RowLocks rowLocks;

    JdbcAccounts(Handle handle, RowLocks rowLocks) {
        this.handle = handle;
        this.rowLocks = rowLocks;
    }

    @Override
    public void insert(Account account) {
        Update insert = handle.createUpdate("INSERT INTO accounts (" + COLUMNS + ") VALUES (:id, :alias, :rootEmail,"
                + " :rootEmailNormalized, :minimumLength, :requireSymbols, :requireNumbers, :requireUppercase,"
                + " :requireLowercase, :minimumClasses, :reusePrevention, :maximumAgeDays, :allowUsersToChange,"
                + " :hardExpiry, :createdAt)");
        bind(insert, account).bind("createdAt", account.createdAt().toEpochMilli());
        execute(insert, "An account with that ID, e-mail address or alias already exists.");
    }

    @Override
    public Optional<Account> find(AccountId id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM accounts WHERE id = :id")
                .bind("id", id.value()).map(JdbcAccounts::map).findOne();
    }

    @Override
    public Optional<Account> findToChange(AccountId id) {
        rowLocks.lockToChange("accounts", "id = ?", id.value());
        return find(id);
    }

    @Override
    public Optional<Account> findByAlias(AccountAlias alias) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM accounts WHERE alias = :alias")
                .bind("alias", alias.value()).map(JdbcAccounts::map).findOne();
    }

    @Override
    public Optional<Account> findByRootEmail(EmailAddress email) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM accounts WHERE root_email_normalized = :email")
                .bind("email", email.normalized()).map(JdbcAccounts::map).findOne();
    }

    @Override
    public void update(Account account) {
        Update update = handle.createUpdate("UPDATE accounts SET alias = :alias, root_email = :rootEmail,"
                + " root_email_normalized = :rootEmailNormalized, policy_minimum_length = :minimumLength,"
                + " policy_require_symbols = :requireSymbols, policy_require_numbers = :requireNumbers,"
                + " policy_require_uppercase = :requireUppercase, policy_require_lowercase = :requireLowercase,"
                + " policy_minimum_classes = :minimumClasses, policy_reuse_prevention = :reusePrevention,"
                + " policy_maximum_age_days = :maximumAgeDays,"
                + " policy_allow_users_to_change_password = :allowUsersToChange, policy_hard_expiry = :hardExpiry"
                + " WHERE id = :id");
        bind(update, account);
        execute(update, "The account alias already exists.");
    }

    @Override
    public List<Account> list() {
        return handle.createQuery("SELECT " + COLUMNS + " FROM accounts ORDER BY id").map(JdbcAccounts::map).list();
    }

    private static Update bind(Update statement, Account account) {
        PasswordPolicy policy = account.passwordPolicy();
        return statement.bind("id", account.id().value())
                .bind("alias", account.alias() == null ? null : account.alias().value())
                .bind("rootEmail", account.rootEmail().value())
                .bind("rootEmailNormalized", account.rootEmail().normalized())
                .bind("minimumLength", policy.minimumLength())
                .bind("requireSymbols", Columns.bool(policy.requireSymbols()))
                .bind("requireNumbers", Columns.bool(policy.requireNumbers()))
                .bind("requireUppercase", Columns.bool(policy.requireUppercase()))
                .bind("requireLowercase", Columns.bool(policy.requireLowercase()))
                .bind("minimumClasses", policy.minimumCharacterClasses())
                .bind("reusePrevention", policy.reusePrevention())
                .bind("maximumAgeDays", policy.maximumAgeDays())
                .bind("allowUsersToChange", Columns.bool(policy.allowUsersToChangePassword()))
                .bind("hardExpiry", Columns.bool(policy.hardExpiry()));
    }

    static void execute(Update statement, String messageIfDuplicate) {
        try {
            statement.execute();
        } catch (RuntimeException e) {
            if (StorageErrors.isUniqueViolation(e)) {
                throw new EntityAlreadyExistsException(messageIfDuplicate);
            }
            throw e;
        }
    }

    private static Account map(ResultSet row, StatementContext context) throws SQLException {
        String alias = row.getString("alias");
        PasswordPolicy policy = new PasswordPolicy(row.getInt("policy_minimum_length"),
                Columns.bool(row, "policy_require_symbols"), Columns.bool(row, "policy_require_numbers"),
                Columns.bool(row, "policy_require_uppercase"), Columns.bool(row, "policy_require_lowercase"),
                row.getInt("policy_minimum_classes"), row.getInt("policy_reuse_prevention"),
                row.getInt("policy_maximum_age_days"), Columns.bool(row, "policy_allow_users_to_change_password"),
                Columns.bool(row, "policy_hard_expiry"));
        return new Account(AccountId.of(row.getString("id")), alias == null ? null : AccountAlias.of(alias),
                new EmailAddress(row.getString("root_email")), policy, Columns.instant(row, "created_at"));
    }
}
