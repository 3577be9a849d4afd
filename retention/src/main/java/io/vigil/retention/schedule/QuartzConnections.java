package io.vigil.retention.schedule;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/**
 * Hands Quartz's job store pooled connections of the service's own DataSource, so Quartz needs no JDBC URL
 * or password of its own (none appears in its properties or logs). The pool belongs to Micronaut: Quartz's
 * shutdown does not close it.
 */
final class QuartzConnections implements ConnectionProvider {

    private volatile DataSource dataSource;

    QuartzConnections(DataSource dataSource) {
        // Plain JDBC, as Database does: bypass Micronaut's connection-binding proxy, which demands @Transactional.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    @Override
    public Connection getConnection() throws SQLException {
        DataSource ds = dataSource;
        if (ds == null) {
            throw new SQLException("the retention scheduler has shut down");
        }
        return ds.getConnection();
    }

    @Override
    public void initialize() {}

    /** Quartz keeps providers in a JVM-wide registry; forget the pool so a closed context's is not held. */
    @Override
    public void shutdown() {
        dataSource = null;
    }
}
