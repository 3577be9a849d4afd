package io.vigil.media.fmp4;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * One fMP4 fragment, {@code moof}+{@code mdat}, of the init segment's one track: its sequence number (from 1, one up
 * per fragment of a session), the decode time of its first sample in 90 kHz ticks ({@code tfdt}), and its samples.
 * A caller emitting parts writes a fragment per part; a segment is the concatenation of its parts' bytes, and its
 * first part {@link #startsWithKeyframe() starts with a keyframe}.
 */
public record Fragment(long sequenceNumber, long baseDecodeTimeTicks, List<Sample> samples) {

    private static final int TFHD_DEFAULT_BASE_IS_MOOF = 0x020000;
    private static final int TRUN_DATA_OFFSET = 0x001;
    private static final int TRUN_DURATION = 0x100;
    private static final int TRUN_SIZE = 0x200;
    private static final int TRUN_FLAGS = 0x400;
    private static final int TRUN_COMPOSITION_OFFSET = 0x800;
    /** sample_depends_on 2: depends on no other sample. */
    private static final int SYNC_SAMPLE = 0x0200_0000;
    /** sample_depends_on 1 and sample_is_non_sync_sample. */
    private static final int NON_SYNC_SAMPLE = 0x0101_0000;

    private static final int MDAT_HEADER_BYTES = 8;

    public Fragment {
        samples = List.copyOf(samples);
        if (sequenceNumber < 1 || sequenceNumber > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("a sequence number is 1 to 2^32-1: " + sequenceNumber);
        }
        if (baseDecodeTimeTicks < 0) {
            throw new IllegalArgumentException("a decode time is not negative: " + baseDecodeTimeTicks);
        }
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("a fragment holds samples");
        }
    }

    /** Whether a player can start decoding at it: a segment's first part must. */
    public boolean startsWithKeyframe() {
        return samples.get(0).keyframe();
    }

    /** The sum of its samples' durations: the next fragment's base decode time is this one's plus that. */
    public long durationTicks() {
        return samples.stream().mapToLong(Sample::durationTicks).sum();
    }

    /** The fragment's bytes; each NAL unit is copied once, straight into {@code mdat}. */
    public byte[] bytes() {
        long mdatBytes = MDAT_HEADER_BYTES
                + samples.stream().mapToLong(Sample::sizeBytes).sum();
        byte[] moof = moof();
        if (moof.length + mdatBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a fragment fits a Java array: " + mdatBytes + " bytes of mdat");
        }
        ByteBuffer out = ByteBuffer.allocate(moof.length + (int) mdatBytes);
        out.put(moof).putInt((int) mdatBytes).put(new byte[] {'m', 'd', 'a', 't'});
        for (Sample sample : samples) {
            for (ByteBuffer nal : sample.nalUnits()) {
                out.putInt(nal.remaining()).put(nal.duplicate());
            }
        }
        return out.array();
    }

    private byte[] moof() {
        boolean compositionOffsets = samples.stream().anyMatch(s -> s.compositionOffsetTicks() != 0);
        int trunFlags = TRUN_DATA_OFFSET
                | TRUN_DURATION
                | TRUN_SIZE
                | TRUN_FLAGS
                | (compositionOffsets ? TRUN_COMPOSITION_OFFSET : 0);
        BoxWriter out = new BoxWriter();
        out.box("moof");
        out.fullBox("mfhd", 0, 0).u32(sequenceNumber).end();
        out.box("traf");
        out.fullBox("tfhd", 0, TFHD_DEFAULT_BASE_IS_MOOF)
                .u32(InitSegment.TRACK_ID)
                .end();
        out.fullBox("tfdt", 1, 0).u64(baseDecodeTimeTicks).end();
        out.fullBox("trun", compositionOffsets ? 1 : 0, trunFlags).u32(samples.size());
        int dataOffset = out.position();
        out.u32(0); // patched below, once the moof's size is known
        for (Sample sample : samples) {
            out.u32(sample.durationTicks()).u32(sample.sizeBytes());
            out.u32(sample.keyframe() ? SYNC_SAMPLE : NON_SYNC_SAMPLE);
            if (compositionOffsets) {
                out.u32(sample.compositionOffsetTicks());
            }
        }
        out.end().end().end(); // trun traf moof
        out.putU32(dataOffset, out.position() + MDAT_HEADER_BYTES);
        return out.toByteArray();
    }
}
