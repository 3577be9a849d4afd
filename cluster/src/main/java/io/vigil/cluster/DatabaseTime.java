package io.vigil.cluster;

import io.vigil.kernel.database.Database;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The database's clock: leases and heartbeats are written and compared in it, so nodes whose own clocks disagree
 * still agree on when a lease has expired.
 */
@Singleton
public class DatabaseTime {

    private final Database db;

    public DatabaseTime(Database db) {
        this.db = db;
    }

    public Instant now() {
        return db.query(
                        "SELECT CURRENT_TIMESTAMP",
                        rs -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .get(0);
    }
}
