package io.vigil.media.zip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The exact header bytes, field by field (spaces between fields), as APPNOTE 6.3.10 lays them out. */
class ZipHeadersTest {

    /** 2026-12-07 03:37:31 UTC: DOS time 0x1caf (03:37:30), date 0x5d87; Unix time 0x6b1629fb. */
    private static final Instant MODIFIED = Instant.parse("2026-12-07T03:37:31Z");

    private static final EntryName NAME = EntryName.of("a.txt");
    private static final long FIVE_GIB = 5L << 30;
    private static final long SIX_GIB = 6L << 30;

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static String fields(String spaced) {
        return spaced.replace(" ", "");
    }

    @Test
    void aLocalHeaderHasNoSizesAndAZip64FieldOfZerosSoAnEntryOfAnySizeNeedsNoLookAhead() {
        assertEquals(
                fields("504b0304 2d00 0808 0000 af1c 875d 00000000 ffffffff ffffffff 0500 1d00 612e747874"
                        + " 0100 1000 0000000000000000 0000000000000000" // ZIP64: original, compressed size
                        + " 5554 0500 01 fb29166b"), // extended timestamp: modification time
                hex(ZipHeaders.local(NAME, MODIFIED)));
    }

    @Test
    void aDataDescriptorHasTheCrcAndEightByteSizes() {
        assertEquals(
                fields("504b0708 86a61036 0500000000000000 0500000000000000"),
                hex(ZipHeaders.dataDescriptor(0x3610a686, 5)));
        assertEquals(
                fields("504b0708 86a61036 0000004001000000 0000004001000000"),
                hex(ZipHeaders.dataDescriptor(0x3610a686, FIVE_GIB)));
    }

    @Test
    void aCentralHeaderHoldsSizesAndOffsetInItsZip64FieldAndMarksAUnixFile() {
        byte[] central = ZipHeaders.central(NAME, MODIFIED, 0x3610a686, FIVE_GIB, SIX_GIB);
        assertEquals(
                fields("504b0102 2d03 2d00 0808 0000 af1c 875d 86a61036 ffffffff ffffffff 0500 2500 0000 0000 0000"
                        + " 0000a481 ffffffff 612e747874"
                        + " 0100 1800 0000004001000000 0000004001000000 0000008001000000"
                        + " 5554 0500 01 fb29166b"),
                hex(central));
        assertEquals(central.length, ZipHeaders.centralBytes(NAME, MODIFIED));
    }

    @Test
    void aTimeOutsideTheExtendedTimestampsRangeLeavesTheFieldOut() {
        Instant late = Instant.parse("2040-01-01T00:00:00Z");
        assertEquals(30 + 5 + 20, ZipHeaders.local(NAME, late).length);
        assertEquals(46 + 5 + 28, ZipHeaders.central(NAME, late, 0, 0, 0).length);
    }

    @Test
    void aSmallArchiveEndsWithTheClassicRecordAlone() {
        assertEquals(fields("504b0506 0000 0000 0200 0200 c8000000 64000000 0000"), hex(ZipHeaders.end(2, 100, 200)));
    }

    @Test
    void anArchiveThatOverflowsEndsWithTheZip64RecordItsLocatorAndMarkersInTheClassicRecord() {
        assertEquals(
                fields("504b0606 2c00000000000000 2d03 2d00 00000000 00000000"
                        + " 7011010000000000 7011010000000000 c800000000000000 0000008001000000"
                        + " 504b0607 00000000 c800008001000000 01000000" // at the central directory's end
                        + " 504b0506 0000 0000 ffff ffff c8000000 ffffffff 0000"),
                hex(ZipHeaders.end(70_000, SIX_GIB, 200)));
    }

    @ParameterizedTest(name = "{0} entries, central directory at {1}, {2} bytes: ZIP64 end {3}")
    @CsvSource({
        "65534, 4294967294, 4294967294, false",
        "65535, 0,          0,          true",
        "1,     4294967295, 0,          true",
        "1,     0,          4294967295, true",
        "0,     0,          0,          false"
    })
    void theZip64EndIsWrittenWhenAFieldWouldHoldItsMarkerOrMore(long entries, long offset, long size, boolean zip64) {
        assertEquals(zip64, ZipHeaders.needsZip64End(entries, offset, size));
        assertEquals(zip64 ? 98 : 22, ZipHeaders.end(entries, offset, size).length);
    }
}
