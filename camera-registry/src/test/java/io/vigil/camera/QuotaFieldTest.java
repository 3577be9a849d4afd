package io.vigil.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuotaFieldTest {

    private static final String KEEP = "keep";

    /** quota text, maxBytes, what the request asks (bytes, or KEEP), the error, or null. */
    private static final Object[][] TABLE = {
        {"500MB", null, 500_000_000L, null},
        {"2GB", null, 2_000_000_000L, null},
        {"1.5TB", null, 1_500_000_000_000L, null},
        {" 20 gb ", null, 20_000_000_000L, null},
        {"1GiB", null, 1L << 30, null},
        {"", null, 0L, null}, // emptied: no quota
        {"0", null, 0L, null},
        {null, 0L, 0L, null},
        {null, 1_000L, 1_000L, null},
        {null, null, KEEP, null},
        {"500XB", null, KEEP, "has an unknown unit 'XB' (use B, KB, MB, GB, TB, KiB, MiB, GiB or TiB)"},
        {"lots", null, KEEP, "must be a whole number of bytes or a size like 500MB, 20GB or 1.5TiB"},
        {"-5GB", null, KEEP, "must not be negative"},
        {"1.5", null, KEEP, "without a unit must be a whole number of bytes"},
        {"99999999TB", null, KEEP, "is too large (at most 9223372036854775807 bytes)"},
        {"500MB", 500L, KEEP, "give the quota as text (500MB) or as maxBytes, not both"},
    };

    @Test
    void aQuotaIsReadFromItsTextOrItsBytesAndABadOneIsNamedOnItsField() {
        for (Object[] row : TABLE) {
            Map<String, String> errors = new HashMap<>();
            Long asked = QuotaField.requested((String) row[0], (Long) row[1], "quota", errors);
            String name = row[0] + " / " + row[1];
            assertEquals(row[2] == KEEP ? null : row[2], asked, name);
            assertEquals(row[3] == null ? Map.of() : Map.of("quota", row[3]), errors, name);
        }
    }
}
