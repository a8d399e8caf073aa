package dev.gatehouse.store.jdbc;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;
import org.sqlite.SQLiteConnection;

/**
 * Keeps each SQLite connection's prepared statements for the next use of the same SQL.
 *
 * <p>sqlite-jdbc compiles a statement afresh on every {@code prepareStatement}, and neither it nor
 * HikariCP keeps them; on the API's read path compiling cost a fifth of a request. (PostgreSQL's
 * driver keeps its own per-connection cache of server-side statements, so it is left alone.)
 *
 * <p>Statements belong to the physical connection, under HikariCP's proxy, and live as long as it:
 * closing the connection finalizes them. A pooled connection serves one thread at a time, so a
 * connection's statements need no locking. A statement is handed out to one user at a time; SQL
 * that is already in use on the connection (a query run again while its own results are still
 * being read) gets a statement of its own, closed after use. A statement comes back with its result
 * set closed, which resets it, so no cached statement holds a read snapshot between uses.
 */
final class SqliteStatementCache implements StatementBuilderFactory {

    /** More than the distinct statements Gatehouse runs, so that eviction is the exception. */
    static final int STATEMENTS_PER_CONNECTION = 256;

    // Not weak keys: every statement refers to its connection, so a WeakHashMap would never let one
    // go. Connections the pool has closed are dropped instead when it opens another. (SQLiteConnection
    // keeps Object's identity equality.) A concurrent map: every handle looks its connection up here.
    private final ConcurrentMap<SQLiteConnection, ConnectionStatements> connections = new ConcurrentHashMap<>();

    @Override
    public StatementBuilder createStatementBuilder(Connection connection) {
        SQLiteConnection physical;
        try {
            physical = connection.unwrap(SQLiteConnection.class);
        } catch (SQLException e) {
            throw new IllegalStateException("not a SQLite connection", e);
        }
        return new Builder(physical, statementsOf(physical));
    }

    private ConnectionStatements statementsOf(SQLiteConnection physical) {
        ConnectionStatements statements = connections.get(physical);
        if (statements != null) {
            return statements;
        }
        connections.keySet().removeIf(SqliteStatementCache::isClosed);
        return connections.computeIfAbsent(physical, opened -> new ConnectionStatements());
    }

    private static boolean isClosed(SQLiteConnection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** Connections with statements kept; for tests. */
    int connectionsHeld() {
        return connections.size();
    }

    /**
     * Runs {@code work} with a prepared statement for {@code sql} on {@code connection}: a cached one
     * where the connection is SQLite's, a fresh one closed afterwards otherwise.
     */
    static <T> T withStatement(Handle handle, String sql, StatementWork<T> work) throws SQLException {
        if (handle.getStatementBuilder() instanceof Builder builder) {
            PreparedStatement statement = builder.statements.take(builder.physical, sql);
            try {
                return work.run(statement);
            } finally {
                builder.statements.giveBack(sql, statement);
            }
        }
        try (PreparedStatement statement = handle.getConnection().prepareStatement(sql)) {
            return work.run(statement);
        }
    }

    /** What is done with a borrowed statement. */
    @FunctionalInterface
    interface StatementWork<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    /** One physical connection's statements, by SQL, least recently used first. */
    static final class ConnectionStatements {
        private final Map<String, PreparedStatement> idle = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                if (size() <= STATEMENTS_PER_CONNECTION) {
                    return false;
                }
                closeQuietly(eldest.getValue());
                return true;
            }
        };
        private final Set<PreparedStatement> lent = Collections.newSetFromMap(new IdentityHashMap<>());

        /** A statement for {@code sql}, prepared on {@code physical} (not on the pool's proxy, which would close it). */
        PreparedStatement take(Connection physical, String sql) throws SQLException {
            PreparedStatement statement = idle.remove(sql);
            if (statement == null || statement.isClosed()) {
                statement = physical.prepareStatement(sql);
            }
            lent.add(statement);
            return statement;
        }

        /**
         * Takes {@code statement} back for the next use of {@code sql}, or closes it if that has one
         * already. Never throws, so that it cannot hide the failure of the work that used it.
         */
        void giveBack(String sql, Statement statement) {
            if (!lent.remove(statement)) {
                closeQuietly(statement);
                return;
            }
            PreparedStatement prepared = (PreparedStatement) statement;
            try {
                if (prepared.isClosed()) {
                    return;
                }
                // Throws where sqlite-jdbc has finalized the statement after an error of its own
                // (such as SQLITE_IOERR or an overflow), though isClosed() still says it is open.
                prepared.clearParameters();
            } catch (SQLException finalized) {
                closeQuietly(prepared);
                return;
            }
            PreparedStatement previous = idle.putIfAbsent(sql, prepared);
            if (previous != null) {
                closeQuietly(prepared);
            }
        }

        private static void closeQuietly(Statement statement) {
            try {
                statement.close();
            } catch (SQLException e) {
                // Closing only frees the statement's memory; the connection's own close does it too.
            }
        }
    }

    /**
     * JDBI's view of a connection's statements. JDBI hands back each statement with the raw SQL it
     * was given rather than the SQL it prepared, so statements are remembered by identity until then.
     */
    private static final class Builder implements StatementBuilder {
        private final SQLiteConnection physical;
        private final ConnectionStatements statements;
        private final Map<Statement, String> preparedSql = new IdentityHashMap<>();
        private final StatementBuilder plain = new DefaultStatementBuilder();

        Builder(SQLiteConnection physical, ConnectionStatements statements) {
            this.physical = physical;
            this.statements = statements;
        }

        @Override
        public Statement create(Connection connection, StatementContext context) throws SQLException {
            return plain.create(connection, context);
        }

        @Override
        public PreparedStatement create(Connection connection, String sql, StatementContext context) throws SQLException {
            if (context.isReturningGeneratedKeys() || context.isConcurrentUpdatable()) {
                return plain.create(connection, sql, context);
            }
            PreparedStatement statement = statements.take(physical, sql);
            preparedSql.put(statement, sql);
            return statement;
        }

        @Override
        public CallableStatement createCall(Connection connection, String sql, StatementContext context) throws SQLException {
            return plain.createCall(connection, sql, context);
        }

        @Override
        public void close(Connection connection, String sql, Statement statement) throws SQLException {
            String prepared = preparedSql.remove(statement);
            if (prepared == null) {
                plain.close(connection, sql, statement);
            } else {
                statements.giveBack(prepared, statement);
            }
        }

        @Override
        public void close(Connection connection) {
            // The statements outlive the handle: they belong to the connection.
        }
    }
}
