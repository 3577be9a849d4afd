package io.vigil.kernel.database;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Runs parameterised SQL against the service's database and maps failures to
 * {@link ErrorCode#INDEX_UNAVAILABLE}. Repositories of every module share it.
 */
@Singleton
public class Database {

    /** Maps the current row of a result set to a value. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Work that runs inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run();
    }

    private final DataSource dataSource;
    private final ThreadLocal<Connection> transaction = new ThreadLocal<>();
    private volatile DatabaseKind kind;

    /**
     * On PostgreSQL every transaction gives up a lock wait after this long, and the server ends a transaction whose
     * client fell silent (a frozen network, a stopped process) after as long, releasing its row locks. Without
     * them one node cut off mid-transaction would block the others' lease and index updates for hours (TCP's
     * keep-alive). A lease lasts 20 s: this stays well below it.
     */
    static final String POSTGRESQL_TRANSACTION_LIMITS =
            "SET LOCAL lock_timeout = '5s'; SET LOCAL idle_in_transaction_session_timeout = '5s'";

    public Database(DataSource dataSource) {
        // Plain JDBC: bypass Micronaut's connection-binding proxy, which demands @Transactional.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /**
     * Runs {@code work} in one transaction: every query and update it makes on this thread uses the same
     * connection, committed when it returns and rolled back when it throws. Nested calls join the outer one.
     */
    public <T> T inTransaction(Work<T> work) {
        if (transaction.get() != null) {
            return work.run();
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            if (kind(c) == DatabaseKind.POSTGRESQL) {
                try (java.sql.Statement limits = c.createStatement()) {
                    limits.execute(POSTGRESQL_TRANSACTION_LIMITS);
                }
            }
            transaction.set(c);
            T result;
            try {
                result = work.run();
                c.commit();
            } catch (RuntimeException | Error | SQLException e) {
                rollBack(c, e);
                throw e;
            } finally {
                transaction.remove();
            }
            // The pool resets auto-commit when the connection goes back; a failure here must not report a
            // committed transaction as failed.
            return result;
        } catch (SQLException e) {
            throw new VigilException(ErrorCode.INDEX_UNAVAILABLE, "database transaction failed: " + e.getMessage(), e);
        }
    }

    private DatabaseKind kind(Connection c) throws SQLException {
        DatabaseKind known = kind;
        if (known == null) {
            known = DatabaseKind.ofProductName(c.getMetaData().getDatabaseProductName());
            kind = known;
        }
        return known;
    }

    private static void rollBack(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (Lease l = lease();
                PreparedStatement ps = prepare(l.connection(), sql, params);
                ResultSet rs = ps.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw new VigilException(ErrorCode.INDEX_UNAVAILABLE, "database query failed: " + e.getMessage(), e);
        }
    }

    /** Hands every row to {@code consumer} without collecting them: for results too large to hold. */
    public void forEach(String sql, RowConsumer consumer, Object... params) {
        try (Lease l = lease();
                PreparedStatement ps = prepare(l.connection(), sql, params)) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(rs);
                }
            }
        } catch (SQLException e) {
            throw new VigilException(ErrorCode.INDEX_UNAVAILABLE, "database query failed: " + e.getMessage(), e);
        }
    }

    /** Consumes the current row of a result set. */
    @FunctionalInterface
    public interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the number of rows it touched. */
    public int update(String sql, Object... params) {
        try (Lease l = lease();
                PreparedStatement ps = prepare(l.connection(), sql, params)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new VigilException(ErrorCode.INDEX_UNAVAILABLE, "database update failed: " + e.getMessage(), e);
        }
    }

    /** Runs one INSERT, UPDATE or DELETE for each parameter row as a JDBC batch; returns the rows touched. */
    public int updateBatch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        try (Lease l = lease();
                PreparedStatement ps = l.connection().prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    ps.setObject(i + 1, row[i]);
                }
                ps.addBatch();
            }
            int touched = 0;
            for (int n : ps.executeBatch()) {
                touched += Math.max(n, 0);
            }
            return touched;
        } catch (SQLException e) {
            throw new VigilException(ErrorCode.INDEX_UNAVAILABLE, "database update failed: " + e.getMessage(), e);
        }
    }

    /** A connection for one statement: the transaction's (left open), or a pooled one (closed after). */
    private record Lease(Connection connection, boolean owned) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            if (owned) {
                connection.close();
            }
        }
    }

    private Lease lease() throws SQLException {
        Connection bound = transaction.get();
        return bound != null ? new Lease(bound, false) : new Lease(dataSource.getConnection(), true);
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }
}
