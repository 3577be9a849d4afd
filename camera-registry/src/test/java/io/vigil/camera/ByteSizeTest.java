package io.vigil.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ByteSizeTest {

    private static long bytes(String text) {
        return ByteSize.parse(text).bytes();
    }

    private static String problem(String text) {
        return assertThrows(IllegalArgumentException.class, () -> ByteSize.parse(text))
                .getMessage();
    }

    @Test
    void readsPlainBytesDecimalAndBinaryUnits() {
        assertEquals(0, bytes("0"));
        assertEquals(1_048_576, bytes("1048576"));
        assertEquals(512, bytes("512B"));
        assertEquals(1_000, bytes("1KB"));
        assertEquals(500_000_000L, bytes("500MB"));
        assertEquals(20_000_000_000L, bytes("20GB"));
        assertEquals(3_000_000_000_000L, bytes("3TB"));
        assertEquals(1_024, bytes("1KiB"));
        assertEquals(256L << 20, bytes("256MiB"));
        assertEquals(2L << 30, bytes("2GiB"));
        assertEquals(3L << 39, bytes("1.5TiB"));
    }

    @Test
    void toleratesSpacesAndCaseAndRoundsFractionsDownToWholeBytes() {
        assertEquals(20_000_000_000L, bytes("  20 GB "));
        assertEquals(500_000_000L, bytes("500mb"));
        assertEquals(1L << 30, bytes("1gib"));
        assertEquals(1_536, bytes("1.5KiB"));
        assertEquals(1_000, bytes("1.0009KB"));
    }

    @Test
    void takesTheLargestLongAndRejectsMore() {
        assertEquals(Long.MAX_VALUE, bytes(Long.toString(Long.MAX_VALUE)));
        assertTrue(problem("9223372036854775808").startsWith("is too large"));
        assertTrue(problem("9999999TiB").startsWith("is too large"));
        assertTrue(problem("99999999999999999999999999999999").startsWith("is too large"));
    }

    @Test
    void rejectsGarbageNegativesAndUnknownUnits() {
        assertEquals("must not be empty", problem(""));
        assertEquals("must not be empty", problem("  "));
        assertEquals("must not be negative", problem("-5GB"));
        assertEquals("has an unknown unit 'XB' (use B, KB, MB, GB, TB, KiB, MiB, GiB or TiB)", problem("20XB"));
        assertTrue(problem("1PB").startsWith("has an unknown unit 'PB'"));
        assertTrue(problem("20 bytes").startsWith("has an unknown unit 'bytes'"));
        assertEquals("without a unit must be a whole number of bytes", problem("1.5"));
        for (String garbage :
                new String[] {"GB", "lots", "1,5GB", "1.GB", ".5GB", "+5GB", "5 G B", "1.5.3GB", "0x10", "5e9"}) {
            assertTrue(problem(garbage).startsWith("must be a whole number of bytes or a size like"), garbage);
        }
        assertThrows(IllegalArgumentException.class, () -> new ByteSize(-1));
    }

    @Test
    void formatsASizeAsAnInstallerWritesItAndParsesItBackToTheSameBytes() {
        String[][] table = {
            // bytes, as shown
            {"500000000", "500MB"},
            {"2000000000", "2GB"},
            {"1500000000000", "1.5TB"},
            {"1250000000", "1.25GB"},
            {"1000", "1KB"},
            {"999", "999B"},
            {"0", "0B"},
            {"1073741824", "1GiB"}, // not two decimals of any decimal unit
            {"1610612736", "1.5GiB"},
            {"1234567", "1234567B"}, // neither
            {"2500000000000000", "2500TB"},
        };
        for (String[] row : table) {
            long bytes = Long.parseLong(row[0]);
            assertEquals(row[1], new ByteSize(bytes).format(), row[0]);
            assertEquals(bytes, bytes(row[1]), row[1] + " reads back");
        }
    }
}
