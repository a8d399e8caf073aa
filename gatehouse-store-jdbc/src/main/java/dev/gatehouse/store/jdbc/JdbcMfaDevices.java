package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.Tags;
import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.account.AccountQuota;
import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.crypto.SealedSecret;
import dev.gatehouse.core.mfa.Assignment;
import dev.gatehouse.core.mfa.AssignmentStatus;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.mfa.MfaDeviceKind;
import dev.gatehouse.core.mfa.SerialNumber;
import dev.gatehouse.core.store.MfaDeviceRepository;
import dev.gatehouse.core.user.IamPath;
import dev.gatehouse.otp.HmacAlgorithm;
import dev.gatehouse.otp.TotpParameters;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Handle;

final class JdbcMfaDevices implements MfaDeviceRepository {

    private final Handle handle;
    private final RowLocks rowLocks;

    JdbcMfaDevices(Handle handle, RowLocks rowLocks) {
        this.handle = handle;
        this.rowLocks = rowLocks;
    }

    @Override
    public void insert(MfaDevice device, Optional<PrincipalRef> creator) {
        if (device.isAssigned()) {
            throw new IllegalArgumentException("a device is stored unassigned, then assigned: " + device.serial());
        }
        TotpParameters totp = device.totp();
        JdbcAccounts.execute(handle.createUpdate("INSERT INTO mfa_devices (id, account_id, serial, kind, name,"
                + " name_normalized, path, totp_algorithm, totp_digits, totp_period_millis, totp_t0_millis, seed_key_id,"
                + " seed_ciphertext, created_at, drift_steps, last_step, created_by)"
                + " VALUES (:id, :account, :serial, :kind, :name, :normalized, :path, :algorithm, :digits, :period, :t0,"
                + " :keyId, :ciphertext, :created, :drift, :lastStep, :createdBy)")
                .bind("id", device.id()).bind("account", device.accountId().value())
                .bind("serial", device.serial().value()).bind("kind", device.kind().name())
                .bind("name", device.name()).bind("normalized", device.name().toLowerCase(Locale.ROOT))
                .bind("path", device.path().value())
                .bind("algorithm", totp == null ? null : totp.algorithm().name())
                .bind("digits", totp == null ? null : totp.digits())
                .bind("period", totp == null ? null : totp.period().toMillis())
                .bind("t0", totp == null ? null : totp.t0().toEpochMilli())
                .bind("keyId", device.seed() == null ? null : device.seed().keyId())
                .bind("ciphertext", device.seed() == null ? null : device.seed().ciphertext())
                .bind("created", device.createdAt().toEpochMilli())
                .bind("drift", device.driftSteps()).bind("lastStep", device.lastAcceptedStep())
                .bind("createdBy", creator.map(PrincipalRef::key).orElse(null)),
                "An MFA device with that serial number or name already exists.");
        Tagging.insert(handle, device.rowIdentity(), device.tags());
    }

    /** Every change to a device (EnableMFADevice among them) reads it first: the device and its tags in one statement. */
    @Override
    public Optional<MfaDevice> findBySerial(SerialNumber serial) {
        return Tagging.readWithTags(handle, "SELECT d.*, t.tag_key, t.tag_value FROM mfa_devices d"
                + " LEFT JOIN tags t ON t.resource = 'mfa-device:' || d.id WHERE d.serial = ?", List.of(serial.value()),
                "id", JdbcMfaDevices::map, MfaDevice::withTags).stream().findFirst();
    }

    @Override
    public Optional<MfaDevice> findBySerialToChange(SerialNumber serial) {
        rowLocks.lockToChange("mfa_devices", "serial = ?", serial.value());
        return findBySerial(serial);
    }

    @Override
    public Optional<PrincipalRef> findCreator(SerialNumber serial) {
        return handle.createQuery("SELECT account_id, created_by FROM mfa_devices WHERE serial = :serial")
                .bind("serial", serial.value())
                .map((row, context) -> row.getString("created_by") == null ? null
                        : PrincipalRef.fromKey(AccountId.of(row.getString("account_id")), row.getString("created_by")))
                .findOne();
    }

    /**
     * ListMFADevices reads this on every call: the devices and their tags in one statement, in
     * the order of the index on owner and serial. A principal holds at most 8 devices (the quota),
     * so the page is cut here: a LIMIT on the devices alone needs a subquery, which cost SQLite two
     * sorts and most of the request.
     */
    @Override
    public List<MfaDevice> listAssignedTo(PrincipalRef principal, Optional<SerialNumber> afterSerial, int limit) {
        List<MfaDevice> devices = Tagging.readWithTags(handle, "SELECT d.*, t.tag_key, t.tag_value FROM mfa_devices d"
                + " LEFT JOIN tags t ON t.resource = 'mfa-device:' || d.id"
                + " WHERE d.account_id = ? AND d.assigned_principal_key = ? AND d.serial > ? ORDER BY d.serial",
                List.of(principal.accountId().value(), principal.key(), afterSerial.map(SerialNumber::value).orElse("")),
                "id", JdbcMfaDevices::map, MfaDevice::withTags);
        return devices.size() > limit ? List.copyOf(devices.subList(0, limit)) : devices;
    }

    /**
     * The devices themselves, not the count {@link #assign} keeps for the limit: whether a principal
     * must give a code at sign-in rests on the rows that hold the seeds, so no count out of step
     * (a row restored from a backup, an older node) can ever let a sign-in skip MFA.
     */
    @Override
    public int countAssignedTo(PrincipalRef principal) {
        return handle.createQuery("SELECT COUNT(*) FROM mfa_devices WHERE account_id = :account"
                + " AND assigned_principal_key = :principal")
                .bind("account", principal.accountId().value()).bind("principal", principal.key())
                .mapTo(Integer.class).one();
    }

    @Override
    public int countInAccount(AccountId accountId, AssignmentStatus status) {
        return handle.createQuery("SELECT COUNT(*) FROM mfa_devices WHERE account_id = :account" + assignmentFilter(status))
                .bind("account", accountId.value()).mapTo(Integer.class).one();
    }

    @Override
    public List<MfaDevice> listInAccount(AccountId accountId, MfaDeviceKind kind, AssignmentStatus status,
            Optional<SerialNumber> afterSerial, int limit) {
        return handle.createQuery("SELECT * FROM mfa_devices WHERE account_id = :account AND kind = :kind"
                + assignmentFilter(status)
                + " AND serial > :after ORDER BY serial LIMIT :limit")
                .bind("account", accountId.value()).bind("kind", kind.name())
                .bind("after", afterSerial.map(SerialNumber::value).orElse("")).bind("limit", limit)
                .map((row, context) -> map(row)).list().stream().map(this::withTags).toList();
    }

    /**
     * The principal's place first, as a quota's place before its insert: its row lock serialises the
     * enables for one principal, and every change of a principal's devices takes it before the
     * device's row, so two of them never wait for each other.
     */
    @Override
    public AssignOutcome assign(String deviceId, Assignment assignment, long driftSteps, long lastAcceptedStep,
            int limit) {
        PrincipalRef principal = assignment.principal();
        if (handle.createUpdate("INSERT INTO principal_devices (account_id, principal_key, assigned)"
                + " VALUES (:account, :principal, 1) ON CONFLICT (account_id, principal_key)"
                + " DO UPDATE SET assigned = principal_devices.assigned + 1 WHERE principal_devices.assigned < :limit")
                .bind("account", principal.accountId().value()).bind("principal", principal.key())
                .bind("limit", limit).execute() == 0) {
            return AssignOutcome.PRINCIPAL_AT_LIMIT;
        }
        // By ID alone: the caller read the device in the account. With the account in the condition,
        // PostgreSQL's planner, without statistics, has been seen to pick the account's index over
        // the primary key and walk every device of the account.
        boolean assigned = handle.createUpdate("UPDATE mfa_devices SET assigned_principal_key = :principal,"
                + " enabled_at = :enabled, drift_steps = :drift,"
                + " last_step = CASE WHEN last_step < :lastStep THEN :lastStep ELSE last_step END"
                + " WHERE id = :id AND assigned_principal_key IS NULL")
                .bind("principal", principal.key()).bind("enabled", assignment.enabledAt().toEpochMilli())
                .bind("drift", driftSteps).bind("lastStep", lastAcceptedStep).bind("id", deviceId).execute() == 1;
        if (!assigned) {
            changeCount(principal, -1);
            return AssignOutcome.ALREADY_ASSIGNED;
        }
        return AssignOutcome.ASSIGNED;
    }

    @Override
    public boolean resynchronise(String deviceId, long driftSteps, long lastAcceptedStep) {
        return handle.createUpdate("UPDATE mfa_devices SET drift_steps = :drift, last_step = :lastStep"
                + " WHERE id = :id AND last_step < :lastStep")
                .bind("drift", driftSteps).bind("lastStep", lastAcceptedStep).bind("id", deviceId).execute() == 1;
    }

    @Override
    public boolean advanceLastAcceptedStep(String deviceId, long step) {
        // The replay guard. One statement, so the database decides a race: the row lock (PostgreSQL)
        // or the single writer (SQLite) lets exactly one caller see last_step < step.
        return handle.createUpdate("UPDATE mfa_devices SET last_step = :step WHERE id = :id AND last_step < :step")
                .bind("step", step).bind("id", deviceId).execute() == 1;
    }

    /** The principal's place first, as in {@link #assign}. */
    @Override
    public boolean unassign(MfaDevice device) {
        if (!device.isAssigned()) {
            return false;
        }
        PrincipalRef principal = device.assignment().principal();
        changeCount(principal, -1);
        boolean unassigned = handle.createUpdate("UPDATE mfa_devices SET assigned_principal_key = NULL, enabled_at = NULL,"
                + " drift_steps = 0 WHERE id = :id AND assigned_principal_key = :principal")
                .bind("id", device.id()).bind("principal", principal.key()).execute() == 1;
        if (!unassigned) {
            changeCount(principal, 1);
        }
        return unassigned;
    }

    private void changeCount(PrincipalRef principal, int change) {
        handle.createUpdate("UPDATE principal_devices SET assigned = assigned + :change"
                + " WHERE account_id = :account AND principal_key = :principal")
                .bind("change", change).bind("account", principal.accountId().value())
                .bind("principal", principal.key()).execute();
    }

    @Override
    public void updateTags(MfaDevice device) {
        Tagging.write(handle, device.rowIdentity(), device.tags());
    }

    @Override
    public boolean delete(MfaDevice device) {
        BooleanSupplier deleting = () -> {
            boolean deleted = handle.createUpdate("DELETE FROM mfa_devices WHERE id = :id AND assigned_principal_key IS NULL")
                    .bind("id", device.id()).execute() == 1;
            // Only then: a device enabled since it was read keeps its tags with it.
            if (deleted) {
                Tagging.delete(handle, device.rowIdentity());
            }
            return deleted;
        };
        // Hardware tokens are counted against no quota.
        return device.kind() == MfaDeviceKind.VIRTUAL_TOTP
                ? JdbcQuotas.deleteCounted(handle, device.accountId(), AccountQuota.VIRTUAL_MFA_DEVICES, deleting)
                : deleting.getAsBoolean();
    }

    @Override
    public List<MfaDevice> listAll() {
        return handle.createQuery("SELECT * FROM mfa_devices ORDER BY id").map((row, context) -> map(row)).list();
    }

    @Override
    public void updateSeed(String deviceId, SealedSecret sealed) {
        handle.createUpdate("UPDATE mfa_devices SET seed_key_id = :keyId, seed_ciphertext = :ciphertext WHERE id = :id")
                .bind("keyId", sealed.keyId()).bind("ciphertext", sealed.ciphertext()).bind("id", deviceId).execute();
    }

    private static String assignmentFilter(AssignmentStatus status) {
        return switch (status) {
            case ASSIGNED -> " AND assigned_principal_key IS NOT NULL";
            case UNASSIGNED -> " AND assigned_principal_key IS NULL";
            case ANY -> "";
        };
    }

    private MfaDevice withTags(MfaDevice device) {
        return device.withTags(Tagging.read(handle, device.rowIdentity()));
    }

    private static MfaDevice map(ResultSet row) throws SQLException {
        AccountId accountId = AccountId.of(row.getString("account_id"));
        String algorithm = row.getString("totp_algorithm");
        TotpParameters totp = algorithm == null ? null : new TotpParameters(HmacAlgorithm.valueOf(algorithm),
                row.getInt("totp_digits"), Duration.ofMillis(row.getLong("totp_period_millis")),
                Instant.ofEpochMilli(row.getLong("totp_t0_millis")));
        String keyId = row.getString("seed_key_id");
        SealedSecret seed = keyId == null ? null : new SealedSecret(keyId, row.getString("seed_ciphertext"));
        String principal = row.getString("assigned_principal_key");
        Assignment assignment = principal == null ? null
                : new Assignment(PrincipalRef.fromKey(accountId, principal), Columns.instant(row, "enabled_at"));
        return new MfaDevice(row.getString("id"), accountId, new SerialNumber(row.getString("serial")),
                MfaDeviceKind.valueOf(row.getString("kind")), row.getString("name"), new IamPath(row.getString("path")),
                totp, seed, Columns.instant(row, "created_at"), assignment, row.getLong("drift_steps"),
                row.getLong("last_step"), Tags.NONE);
    }
}
