package io.vigil.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.kernel.database.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every module's migrations, run together on H2 and on PostgreSQL: they apply, and every column of Vigil's own
 * tables carries a comment (Quartz's QRTZ_* tables are Quartz's and documented by it).
 */
@Tag(TestDatabase.TAG)
class SchemaCommentsTest {

    @Test
    void everyColumnOfVigilsTablesIsCommented() throws Exception {
        DataSource dataSource = TestDatabase.migrated(TestDatabase.fresh());
        List<String> uncommented = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.getMetaData().getColumns(null, c.getSchema(), "%", "%")) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (table.startsWith("qrtz_") || table.startsWith("flyway_")) {
                    continue;
                }
                if (!tables.contains(table)) {
                    tables.add(table);
                }
                String remark = rs.getString("REMARKS");
                if (remark == null || remark.isBlank()) {
                    uncommented.add(table + "." + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        assertTrue(tables.containsAll(List.of("segment", "camera", "hold", "audit_event")), "tables found: " + tables);
        assertEquals(List.of(), uncommented, "columns without a COMMENT ON COLUMN in their migration");
    }
}
