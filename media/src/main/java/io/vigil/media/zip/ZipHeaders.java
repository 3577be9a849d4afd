package io.vigil.media.zip;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;

/**
 * The header bytes of a streamed ZIP archive (PKWARE APPNOTE 6.3.10), little-endian. Every entry is STORED, with its
 * CRC-32 and sizes in a data descriptor after its data (general-purpose bit 3) and its name in UTF-8 (bit 11), and
 * every entry is a ZIP64 entry, as Info-ZIP's {@code zip} writes a file of unknown size: its local header's sizes are
 * 0xFFFFFFFF with a ZIP64 extra field holding zeros (APPNOTE 4.5.3: both sizes), its data descriptor has 8-byte sizes
 * (4.3.9.2), and its central header has 0xFFFFFFFF in both sizes and the offset, the values in a ZIP64 extra field.
 * So an entry of any size needs no look-ahead, and its local and central headers agree (readers such as libarchive
 * compare them). Each header also has an extended-timestamp field (0x5455, the exact modification second, which
 * Info-ZIP's {@code unzip} sets) when the time fits its signed 32-bit field. The end of the archive has the ZIP64 end
 * of central directory record and locator only when a count, size or offset overflows the classic record's fields.
 * Pure.
 */
final class ZipHeaders {

    static final int LOCAL_SIGNATURE = 0x04034b50;
    static final int DESCRIPTOR_SIGNATURE = 0x08074b50;
    static final int CENTRAL_SIGNATURE = 0x02014b50;
    static final int ZIP64_END_SIGNATURE = 0x06064b50;
    static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    static final int END_SIGNATURE = 0x06054b50;

    /** Version 4.5 (ZIP64) needed to extract; made by Unix (3), so the external attributes hold a file mode. */
    static final int VERSION_NEEDED = 45;

    static final int VERSION_MADE_BY = (3 << 8) | VERSION_NEEDED;
    /** Bit 3: CRC-32 and sizes in the data descriptor; bit 11: the name is UTF-8. */
    static final int FLAGS = 0x0008 | 0x0800;

    static final int STORED = 0;
    /** A regular file, rw-r--r--, in the high 16 bits (Unix {@code st_mode}). */
    static final int REGULAR_FILE = 0100644 << 16;
    /** What a 4-byte field holds when the value is in the ZIP64 extra field or record. */
    static final long MORE_32 = 0xFFFFFFFFL;
    /** What a 2-byte count holds when the count is in the ZIP64 end of central directory record. */
    static final int MORE_16 = 0xFFFF;

    static final int ZIP64_EXTRA = 0x0001;
    static final int TIMESTAMP_EXTRA = 0x5455;
    static final int LOCAL_FIXED_BYTES = 30;
    static final int CENTRAL_FIXED_BYTES = 46;
    static final int LOCAL_ZIP64_EXTRA_BYTES = 4 + 16;
    static final int CENTRAL_ZIP64_EXTRA_BYTES = 4 + 24;
    static final int TIMESTAMP_EXTRA_BYTES = 4 + 5;
    static final int DESCRIPTOR_BYTES = 4 + 4 + 8 + 8;
    static final int ZIP64_END_BYTES = 56;
    static final int ZIP64_LOCATOR_BYTES = 20;
    static final int END_BYTES = 22;

    private ZipHeaders() {}

    /** How many bytes {@link #local} takes for this name and time. */
    static int localBytes(EntryName name, Instant modified) {
        return LOCAL_FIXED_BYTES + name.utf8().length + LOCAL_ZIP64_EXTRA_BYTES + timestampBytes(modified);
    }

    /** The local file header before an entry's data: signature to extra fields. */
    static byte[] local(EntryName name, Instant modified) {
        DosTime time = DosTime.of(modified);
        int extra = LOCAL_ZIP64_EXTRA_BYTES + timestampBytes(modified);
        byte[] out = new byte[localBytes(name, modified)];
        ByteBuffer b = littleEndian(out);
        b.putInt(LOCAL_SIGNATURE).putShort((short) VERSION_NEEDED).putShort((short) FLAGS);
        b.putShort((short) STORED).putShort((short) time.time()).putShort((short) time.date());
        b.putInt(0).putInt((int) MORE_32).putInt((int) MORE_32); // CRC-32, compressed and original size: later
        b.putShort((short) name.utf8().length).putShort((short) extra).put(name.utf8());
        b.putShort((short) ZIP64_EXTRA).putShort((short) 16).putLong(0).putLong(0); // original, compressed: later
        timestamp(b, modified);
        return out;
    }

    /** The data descriptor after an entry's data: its CRC-32, and its size twice (compressed and original). */
    static byte[] dataDescriptor(int crc32, long sizeBytes) {
        byte[] out = new byte[DESCRIPTOR_BYTES];
        ByteBuffer b = littleEndian(out);
        b.putInt(DESCRIPTOR_SIGNATURE).putInt(crc32).putLong(sizeBytes).putLong(sizeBytes);
        return out;
    }

    /** How many bytes {@link #central} takes for this name and time. */
    static int centralBytes(EntryName name, Instant modified) {
        return CENTRAL_FIXED_BYTES + name.utf8().length + CENTRAL_ZIP64_EXTRA_BYTES + timestampBytes(modified);
    }

    /** An entry's central directory header, its local header at {@code offset}. */
    static byte[] central(EntryName name, Instant modified, int crc32, long sizeBytes, long offset) {
        DosTime time = DosTime.of(modified);
        int extra = CENTRAL_ZIP64_EXTRA_BYTES + timestampBytes(modified);
        byte[] out = new byte[centralBytes(name, modified)];
        ByteBuffer b = littleEndian(out);
        b.putInt(CENTRAL_SIGNATURE).putShort((short) VERSION_MADE_BY).putShort((short) VERSION_NEEDED);
        b.putShort((short) FLAGS)
                .putShort((short) STORED)
                .putShort((short) time.time())
                .putShort((short) time.date());
        b.putInt(crc32).putInt((int) MORE_32).putInt((int) MORE_32); // sizes in the ZIP64 extra field
        b.putShort((short) name.utf8().length).putShort((short) extra).putShort((short) 0); // no comment
        b.putShort((short) 0).putShort((short) 0).putInt(REGULAR_FILE); // disk 0, internal attributes: binary
        b.putInt((int) MORE_32).put(name.utf8()); // offset in the ZIP64 extra field
        b.putShort((short) ZIP64_EXTRA)
                .putShort((short) 24)
                .putLong(sizeBytes)
                .putLong(sizeBytes)
                .putLong(offset);
        timestamp(b, modified);
        return out;
    }

    /** Whether the end of the archive needs the ZIP64 record: a count, size or offset its classic fields cannot hold. */
    static boolean needsZip64End(long entries, long centralOffset, long centralSizeBytes) {
        return entries >= MORE_16 || centralOffset >= MORE_32 || centralSizeBytes >= MORE_32;
    }

    /**
     * The end of the archive, after its central directory of {@code entries} headers, {@code centralSizeBytes} long at
     * {@code centralOffset}: the ZIP64 end of central directory record and its locator when needed, then the end of
     * central directory record, its overflowing fields 0xFFFF or 0xFFFFFFFF, no comment.
     */
    static byte[] end(long entries, long centralOffset, long centralSizeBytes) {
        boolean zip64 = needsZip64End(entries, centralOffset, centralSizeBytes);
        byte[] out = new byte[endBytes(entries, centralOffset, centralSizeBytes)];
        ByteBuffer b = littleEndian(out);
        if (zip64) {
            b.putInt(ZIP64_END_SIGNATURE).putLong(ZIP64_END_BYTES - 12); // the size of what follows this field
            b.putShort((short) VERSION_MADE_BY)
                    .putShort((short) VERSION_NEEDED)
                    .putInt(0)
                    .putInt(0); // disks 0
            b.putLong(entries).putLong(entries).putLong(centralSizeBytes).putLong(centralOffset);
            b.putInt(ZIP64_LOCATOR_SIGNATURE)
                    .putInt(0)
                    .putLong(centralOffset + centralSizeBytes)
                    .putInt(1);
        }
        short count = (short) Math.min(entries, MORE_16);
        b.putInt(END_SIGNATURE)
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort(count)
                .putShort(count);
        b.putInt((int) Math.min(centralSizeBytes, MORE_32)).putInt((int) Math.min(centralOffset, MORE_32));
        b.putShort((short) 0); // no comment
        return out;
    }

    /** How many bytes {@link #end} takes. */
    static int endBytes(long entries, long centralOffset, long centralSizeBytes) {
        boolean zip64 = needsZip64End(entries, centralOffset, centralSizeBytes);
        return (zip64 ? ZIP64_END_BYTES + ZIP64_LOCATOR_BYTES : 0) + END_BYTES;
    }

    private static int timestampBytes(Instant modified) {
        return fitsTimestamp(modified) ? TIMESTAMP_EXTRA_BYTES : 0;
    }

    private static boolean fitsTimestamp(Instant modified) {
        long seconds = modified.getEpochSecond();
        return seconds >= Integer.MIN_VALUE && seconds <= Integer.MAX_VALUE;
    }

    /** The extended-timestamp field with the modification time only (flag 1), the same in local and central headers. */
    private static void timestamp(ByteBuffer b, Instant modified) {
        if (fitsTimestamp(modified)) {
            b.putShort((short) TIMESTAMP_EXTRA).putShort((short) 5).put((byte) 1);
            b.putInt((int) modified.getEpochSecond());
        }
    }

    private static ByteBuffer littleEndian(byte[] out) {
        return ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
    }
}
