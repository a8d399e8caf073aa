package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.Tags;
import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.account.AccountQuota;
import dev.gatehouse.core.store.UserRepository;
import dev.gatehouse.core.user.IamPath;
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.core.user.UserCredentialSummary;
import dev.gatehouse.core.user.UserId;
import dev.gatehouse.core.user.UserName;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

final class JdbcUsers implements UserRepository {

    /**
     * The row locks behind {@link #findAndHold} and {@link #findByNameToDelete}, taken in the read itself
     * where {@link RowLocks} are. KEY SHARE keeps the row from being deleted but lets other holders,
     * changes of the user ({@link RowLocks#lockToChange}) and plain reads through; UPDATE waits for
     * every holder and holds off the next. A holder that waited for a deletion then finds no row.
     */
    private static final String HOLD = " FOR KEY SHARE OF u";
    private static final String TO_DELETE = " FOR UPDATE OF u";

    private final Handle handle;
    private final RowLocks rowLocks;

    JdbcUsers(Handle handle, RowLocks rowLocks) {
        this.handle = handle;
        this.rowLocks = rowLocks;
    }

    @Override
    public void insert(IamUser user) {
        JdbcAccounts.execute(handle.createUpdate("INSERT INTO iam_users (id, account_id, name, name_normalized, path,"
                + " administrator, created_at) VALUES (:id, :account, :name, :normalized, :path, :administrator, :created)")
                .bind("id", user.id().value()).bind("account", user.accountId().value())
                .bind("name", user.name().value()).bind("normalized", user.name().normalized())
                .bind("path", user.path().value()).bind("administrator", Columns.bool(user.administrator()))
                .bind("created", user.createdAt().toEpochMilli()),
                "User with name " + user.name() + " already exists.");
        Tagging.insert(handle, resource(user.id()), user.tags());
    }

    @Override
    public Optional<IamUser> findByName(AccountId accountId, UserName name) {
        return findByName(accountId, name, "");
    }

    @Override
    public Optional<IamUser> find(AccountId accountId, UserId id) {
        return find(accountId, id, "");
    }

    @Override
    public Optional<IamUser> findAndHold(AccountId accountId, UserId id) {
        return find(accountId, id, HOLD);
    }

    @Override
    public Optional<IamUser> findByNameAndHold(AccountId accountId, UserName name) {
        return findByName(accountId, name, HOLD);
    }

    @Override
    public Optional<IamUser> findByNameToChange(AccountId accountId, UserName name) {
        rowLocks.lockToChange("iam_users", "account_id = ? AND name_normalized = ?", accountId.value(), name.normalized());
        return findByName(accountId, name);
    }

    @Override
    public Optional<IamUser> findToChange(AccountId accountId, UserId id) {
        rowLocks.lockToChange("iam_users", "account_id = ? AND id = ?", accountId.value(), id.value());
        return find(accountId, id);
    }

    @Override
    public Optional<IamUser> findByNameToDelete(AccountId accountId, UserName name) {
        return findByName(accountId, name, TO_DELETE);
    }

    private Optional<IamUser> findByName(AccountId accountId, UserName name, String lock) {
        return findOne("u.account_id = ? AND u.name_normalized = ?", lock, accountId.value(), name.normalized());
    }

    private Optional<IamUser> find(AccountId accountId, UserId id, String lock) {
        return findOne("u.account_id = ? AND u.id = ?", lock, accountId.value(), id.value());
    }

    /** The user matching {@code condition} with its tags, in one statement, with {@code lock} where locks are taken. */
    private Optional<IamUser> findOne(String condition, String lock, String... parameters) {
        return Tagging.readWithTags(handle, "SELECT u.*, t.tag_key, t.tag_value FROM iam_users u"
                + " LEFT JOIN tags t ON t.resource = 'user:' || u.id WHERE " + condition + (rowLocks.taken() ? lock : ""),
                List.of(parameters), "id", JdbcUsers::row, IamUser::withTags).stream().findFirst();
    }

    @Override
    public List<IamUser> list(AccountId accountId, Optional<String> afterNormalizedName, int limit) {
        return handle.createQuery("SELECT * FROM iam_users WHERE account_id = :account AND name_normalized > :after"
                + " ORDER BY name_normalized LIMIT :limit")
                .bind("account", accountId.value()).bind("after", afterNormalizedName.orElse(""))
                .bind("limit", limit).map((row, context) -> row(row)).list()
                .stream().map(this::withTags).toList();
    }

    @Override
    public List<UserCredentialSummary> listWithCredentials(AccountId accountId, Optional<String> afterNormalizedName,
            int limit) {
        // One statement for the whole page: the per-user counts are correlated subqueries over the
        // indexes by (account_id, principal_key); a user's principal key is its ID.
        return handle.createQuery("SELECT u.*, p.principal_key AS password_key, p.last_used_at AS password_last_used,"
                + " (SELECT COUNT(*) FROM mfa_devices m WHERE m.account_id = u.account_id"
                + " AND m.assigned_principal_key = u.id) AS mfa_count,"
                + " (SELECT COUNT(*) FROM access_keys k WHERE k.account_id = u.account_id"
                + " AND k.principal_key = u.id) AS key_count,"
                + " (SELECT MAX(k.last_used_at) FROM access_keys k WHERE k.account_id = u.account_id"
                + " AND k.principal_key = u.id) AS keys_last_used"
                + " FROM iam_users u LEFT JOIN login_profiles p ON p.account_id = u.account_id AND p.principal_key = u.id"
                + " WHERE u.account_id = :account AND u.name_normalized > :after ORDER BY u.name_normalized LIMIT :limit")
                .bind("account", accountId.value()).bind("after", afterNormalizedName.orElse(""))
                .bind("limit", limit)
                .map((row, context) -> new UserCredentialSummary(row(row), row.getLong("mfa_count") > 0,
                        row.getString("password_key") != null,
                        Optional.ofNullable(Columns.instantOrNull(row, "password_last_used")),
                        (int) row.getLong("key_count"), Optional.ofNullable(Columns.instantOrNull(row, "keys_last_used"))))
                .list();
    }

    @Override
    public int count(AccountId accountId) {
        return handle.createQuery("SELECT COUNT(*) FROM iam_users WHERE account_id = :account")
                .bind("account", accountId.value()).mapTo(Integer.class).one();
    }

    @Override
    public void updateTags(IamUser user) {
        Tagging.write(handle, resource(user.id()), user.tags());
    }

    @Override
    public void updateNameAndPath(IamUser user) {
        JdbcAccounts.execute(handle.createUpdate("UPDATE iam_users SET name = :name, name_normalized = :normalized,"
                + " path = :path WHERE account_id = :account AND id = :id")
                .bind("name", user.name().value()).bind("normalized", user.name().normalized())
                .bind("path", user.path().value()).bind("account", user.accountId().value()).bind("id", user.id().value()),
                "User with name " + user.name() + " already exists.");
    }

    @Override
    public boolean delete(AccountId accountId, UserId id) {
        return JdbcQuotas.deleteCounted(handle, accountId, AccountQuota.USERS, () -> {
            Tagging.delete(handle, resource(id));
            // The count of its enabled devices kept for their limit, if nought: DeleteUser refuses while
            // one is enabled, and a count that an enable racing the deletion raised stays with its device.
            handle.createUpdate("DELETE FROM principal_devices WHERE account_id = :account AND principal_key = :id"
                    + " AND assigned = 0")
                    .bind("account", accountId.value()).bind("id", id.value()).execute();
            return handle.createUpdate("DELETE FROM iam_users WHERE account_id = :account AND id = :id")
                    .bind("account", accountId.value()).bind("id", id.value()).execute() == 1;
        });
    }

    private IamUser withTags(IamUser user) {
        return user.withTags(Tagging.read(handle, resource(user.id())));
    }

    private static String resource(UserId id) {
        return "user:" + id.value();
    }

    private static IamUser row(java.sql.ResultSet row) throws java.sql.SQLException {
        return new IamUser(AccountId.of(row.getString("account_id")), new UserId(row.getString("id")),
                new UserName(row.getString("name")), new IamPath(row.getString("path")),
                Columns.instant(row, "created_at"), Columns.bool(row, "administrator"), Tags.NONE);
    }
}
