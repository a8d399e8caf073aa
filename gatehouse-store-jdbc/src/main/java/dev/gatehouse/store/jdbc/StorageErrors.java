package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.error.ServiceFailureException;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns storage failures into domain errors: SQL and driver details go to the log only. */
final class StorageErrors {

    private static final Logger LOG = LoggerFactory.getLogger(StorageErrors.class);
    // PostgreSQL's SQLSTATEs for unique_violation and foreign_key_violation.
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    // SQLite's primary result code SQLITE_CONSTRAINT and its extended SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY.
    private static final int SQLITE_CONSTRAINT = 19;
    private static final int SQLITE_CONSTRAINT_PRIMARYKEY = 1555;
    private static final int SQLITE_CONSTRAINT_UNIQUE = 2067;
    private static final int SQLITE_CONSTRAINT_FOREIGNKEY = 787;

    private StorageErrors() {
    }

    static ServiceFailureException serviceFailure(Throwable cause) {
        String reference = UUID.randomUUID().toString();
        LOG.error("Storage failure, reference {}", reference, cause);
        return new ServiceFailureException("The service could not complete the request (reference " + reference + ").",
                cause);
    }

    static boolean isUniqueViolation(Throwable failure) {
        return isViolation(failure, UNIQUE_VIOLATION, Set.of(SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY), "UNIQUE");
    }

    /** A row refers to one that does not exist: the statement is refused, whatever the engine. */
    static boolean isForeignKeyViolation(Throwable failure) {
        return isViolation(failure, FOREIGN_KEY_VIOLATION, Set.of(SQLITE_CONSTRAINT_FOREIGNKEY), "FOREIGN KEY");
    }

    /**
     * Whether a cause is PostgreSQL's {@code sqlState}, or SQLite's constraint error (its primary code, or
     * one of {@code sqliteCodes} when extended codes are on) whose message names {@code sqliteWord}.
     */
    private static boolean isViolation(Throwable failure, String sqlState, Set<Integer> sqliteCodes, String sqliteWord) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                if (sqlState.equals(sql.getSQLState())) {
                    return true;
                }
                int code = sql.getErrorCode();
                if ((code == SQLITE_CONSTRAINT || sqliteCodes.contains(code))
                        && String.valueOf(sql.getMessage()).contains(sqliteWord)) {
                    return true;
                }
            }
        }
        return false;
    }
}
