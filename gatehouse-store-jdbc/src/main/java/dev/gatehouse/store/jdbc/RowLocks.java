package dev.gatehouse.store.jdbc;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Row locks for units of work that change what they read, on PostgreSQL, whose writers run side by
 * side under READ COMMITTED. On SQLite each write transaction holds the whole database from its
 * start, so none is taken there.
 */
final class RowLocks {

    private final Handle handle;
    private final boolean taken;

    RowLocks(Handle handle, Database database) {
        this.handle = handle;
        this.taken = database == Database.POSTGRESQL;
    }

    /** Whether this database needs row locks at all. */
    boolean taken() {
        return taken;
    }

    /**
     * Locks the rows of {@code table} that {@code condition} (with {@code ?} parameters) matches
     * against other changes and deletion until the transaction ends (FOR NO KEY UPDATE), waiting for
     * the units of work that hold them. By a statement of its own: under READ COMMITTED the read that
     * follows then sees all that those units of work committed, where one statement locking and
     * reading would return the locked row as they left it but the rows it joins (a user's or device's
     * tags) as they were before it waited. The tables without joins could lock in their read and save
     * a round trip; one way for all keeps the repositories alike.
     */
    void lockToChange(String table, String condition, Object... parameters) {
        if (!taken) {
            return;
        }
        Query lock = handle.createQuery("SELECT 1 FROM " + table + " WHERE " + condition + " FOR NO KEY UPDATE");
        for (int i = 0; i < parameters.length; i++) {
            lock.bind(i, parameters[i]);
        }
        lock.mapTo(Integer.class).list();
    }
}
