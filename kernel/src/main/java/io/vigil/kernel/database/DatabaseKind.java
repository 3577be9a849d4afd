package io.vigil.kernel.database;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The index database products Vigil runs on. Almost all SQL is written once for both; what differs is named
 * here: where each one's own Flyway migrations live (a statement neither accepts in the other's form).
 */
public enum DatabaseKind {
    /** Embedded H2 2.x: the single-box default. */
    H2("h2"),
    /** PostgreSQL 13 or later: for sites that outgrow one box or run several nodes. */
    POSTGRESQL("postgresql");

    /** Migrations every database runs. */
    public static final String COMMON_MIGRATIONS = "classpath:db/migration";

    private final String vendor;

    DatabaseKind(String vendor) {
        this.vendor = vendor;
    }

    /** Flyway locations: the common migrations and this database's own ({@code db/vendor/h2}, ...). */
    public List<String> migrationLocations() {
        return List.of(COMMON_MIGRATIONS, "classpath:db/vendor/" + vendor);
    }

    /** The kind of a JDBC product name, as {@link java.sql.DatabaseMetaData#getDatabaseProductName()} gives it. */
    public static DatabaseKind ofProductName(String productName) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (name.contains("h2")) {
            return H2;
        }
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new VigilException(
                ErrorCode.INDEX_UNAVAILABLE,
                "unsupported index database '" + productName + "': Vigil runs on H2 or PostgreSQL");
    }

    /** The kind of the database behind a data source (asks it once, over one connection). */
    public static DatabaseKind of(DataSource dataSource) {
        // Micronaut's connection-binding proxy would demand @Transactional: ask the pool itself.
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            return ofProductName(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new VigilException(
                    ErrorCode.INDEX_UNAVAILABLE, "cannot reach the index database: " + e.getMessage(), e);
        }
    }
}
