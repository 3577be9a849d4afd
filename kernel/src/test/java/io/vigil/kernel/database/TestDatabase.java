package io.vigil.kernel.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Fresh, empty databases for repository tests: in-memory H2 by default, or, with
 * {@code -Dvigil.test.database=postgresql}, a new schema on the PostgreSQL that {@code bin/test} starts on
 * loopback (its JDBC URL in {@code VIGIL_TEST_POSTGRESQL_URL}). Tests tagged {@code database} run both ways.
 */
public final class TestDatabase {

    /** The JUnit tag of tests that must pass on every supported database. */
    public static final String TAG = "database";

    private TestDatabase() {}

    /** The database these tests run on. */
    public static DatabaseKind kind() {
        return "postgresql".equals(System.getProperty("vigil.test.database", "h2"))
                ? DatabaseKind.POSTGRESQL
                : DatabaseKind.H2;
    }

    /** The JDBC URL of the test PostgreSQL server (no schema); fails, saying how to get one, when there is none. */
    public static String postgresqlServerUrl() {
        String url = System.getenv("VIGIL_TEST_POSTGRESQL_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("VIGIL_TEST_POSTGRESQL_URL is not set: run the tests with bin/test, which "
                    + "installs Debian's postgresql package when missing and starts a server on loopback, or point it at "
                    + "one yourself, e.g. jdbc:postgresql://127.0.0.1:5432/vigil_test?user=vigil");
        }
        return url;
    }

    /** The URL of a fresh, empty database (H2 in memory, or a new PostgreSQL schema), kept until the JVM exits. */
    public static String freshUrl() {
        return kind() == DatabaseKind.H2
                ? "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"
                : freshPostgresqlUrl();
    }

    /** A new schema on the test PostgreSQL server, and the URL that makes it the connections' current schema. */
    public static String freshPostgresqlUrl() {
        String server = postgresqlServerUrl();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(server);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create a schema on the test PostgreSQL (" + e.getMessage() + ")", e);
        }
        return server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** A data source on {@link #freshUrl()}. */
    public static DataSource fresh() {
        return dataSource(freshUrl());
    }

    /** A data source on a URL {@link #freshUrl()} gave. */
    public static DataSource dataSource(String url) {
        if (url.startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            return h2;
        }
        // Pooled, as the service's own data source is (Hikari): a new PostgreSQL connection per statement, a server
        // process forked each time, made the repository tests several times slower on PostgreSQL than on H2.
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url);
        pool.setMaximumPoolSize(4);
        pool.setMinimumIdle(0); // a finished test's pool closes its connections once idle for the timeout below
        pool.setIdleTimeout(Duration.ofSeconds(10).toMillis());
        return new HikariDataSource(pool);
    }

    /** Runs the service's migrations, common and this database's own, up to {@code target} ("latest" for all). */
    public static void migrate(DataSource dataSource, String target) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(DatabaseKind.of(dataSource).migrationLocations().toArray(String[]::new))
                .target(target)
                .load()
                .migrate();
    }

    /** The comment on a column (JDBC metadata's REMARKS), or null; names in lower case, as written in the migrations. */
    public static String columnComment(DataSource dataSource, String table, String column) {
        try (Connection c = dataSource.getConnection()) {
            boolean upper = c.getMetaData().storesUpperCaseIdentifiers();
            try (ResultSet rs = c.getMetaData()
                    .getColumns(
                            null,
                            c.getSchema(),
                            upper ? table.toUpperCase(Locale.ROOT) : table,
                            upper ? column.toUpperCase(Locale.ROOT) : column)) {
                return rs.next() ? rs.getString("REMARKS") : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs every migration. */
    public static DataSource migrated(DataSource dataSource) {
        migrate(dataSource, "latest");
        return dataSource;
    }
}
