package io.vigil.media.fmp4;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * One fMP4 fragment (glossary), {@code moof}+{@code mdat}: its sequence number (from 1, one up per fragment of a
 * session) and a run of samples per track ({@link TrackRun}; runs without samples are left out), their bytes in
 * {@code mdat} one run after the other. A caller emitting parts writes a fragment per part; a segment is the
 * concatenation of its parts' bytes, and its first part {@link #startsWithKeyframe() starts with a keyframe}.
 */
public record Fragment(long sequenceNumber, List<TrackRun> runs) {

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
        runs = runs.stream().filter(run -> !run.samples().isEmpty()).toList();
        if (sequenceNumber < 1 || sequenceNumber > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("a sequence number is 1 to 2^32-1: " + sequenceNumber);
        }
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a fragment holds samples");
        }
        if (new HashSet<>(runs.stream().map(TrackRun::trackId).toList()).size() != runs.size()) {
            throw new IllegalArgumentException("one run per track");
        }
    }

    /** Whether a player can start decoding at it (every run starts with a sync sample): a segment's first part must. */
    public boolean startsWithKeyframe() {
        return runs.stream().allMatch(TrackRun::startsWithKeyframe);
    }

    /** The fragment's bytes; each sample's bytes are copied once, straight into {@code mdat}. */
    public byte[] bytes() {
        long mdatBytes = MDAT_HEADER_BYTES;
        for (TrackRun run : runs) {
            mdatBytes += run.sizeBytes();
        }
        byte[] moof = moof();
        if (moof.length + mdatBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a fragment fits a Java array: " + mdatBytes + " bytes of mdat");
        }
        ByteBuffer out = ByteBuffer.allocate(moof.length + (int) mdatBytes);
        out.put(moof).putInt((int) mdatBytes).put(new byte[] {'m', 'd', 'a', 't'});
        for (TrackRun run : runs) {
            for (Sample sample : run.samples()) {
                sample.writeTo(out);
            }
        }
        return out.array();
    }

    private byte[] moof() {
        BoxWriter out = new BoxWriter();
        out.box("moof");
        out.fullBox("mfhd", 0, 0).u32(sequenceNumber).end();
        List<Integer> dataOffsetFields = new ArrayList<>();
        for (TrackRun run : runs) {
            dataOffsetFields.add(traf(out, run));
        }
        out.end();
        long dataOffset = (long) out.position() + MDAT_HEADER_BYTES; // from the moof's first byte: default-base-is-moof
        for (int i = 0; i < runs.size(); i++) {
            out.putU32(dataOffsetFields.get(i), dataOffset);
            dataOffset += runs.get(i).sizeBytes();
        }
        return out.toByteArray();
    }

    /** Writes a run's {@code traf}; returns where its data offset goes in the box, known once the moof is. */
    private static int traf(BoxWriter out, TrackRun run) {
        boolean compositionOffsets = run.samples().stream().anyMatch(s -> s.compositionOffsetTicks() != 0);
        int trunFlags = TRUN_DATA_OFFSET
                | TRUN_DURATION
                | TRUN_SIZE
                | TRUN_FLAGS
                | (compositionOffsets ? TRUN_COMPOSITION_OFFSET : 0);
        out.box("traf");
        out.fullBox("tfhd", 0, TFHD_DEFAULT_BASE_IS_MOOF).u32(run.trackId()).end();
        out.fullBox("tfdt", 1, 0).u64(run.baseDecodeTimeTicks()).end();
        // version 1: signed composition offsets, so a B-frame may be presented before the picture decoded ahead of it
        out.fullBox("trun", compositionOffsets ? 1 : 0, trunFlags)
                .u32(run.samples().size());
        int dataOffsetField = out.position();
        out.u32(0);
        for (Sample sample : run.samples()) {
            out.u32(sample.durationTicks()).u32(sample.sizeBytes());
            out.u32(sample.keyframe() ? SYNC_SAMPLE : NON_SYNC_SAMPLE);
            if (compositionOffsets) {
                out.u32(sample.compositionOffsetTicks());
            }
        }
        out.end().end(); // trun traf
        return dataOffsetField;
    }
}
