package io.vigil.archive;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

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

    private final DataSource dataSource;

    public Database(DataSource dataSource) {
        // Plain JDBC: bypass Micronaut's connection-binding proxy, which demands @Transactional.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, params);
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
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, params)) {
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
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new VigilException(ErrorCode.INDEX_UNAVAILABLE, "database update failed: " + e.getMessage(), e);
        }
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
