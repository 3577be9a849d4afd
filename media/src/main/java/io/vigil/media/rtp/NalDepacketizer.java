package io.vigil.media.rtp;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the H.264 and H.265 depacketizers share: an access unit ends at a packet with the marker bit, or when the
 * timestamp changes (cameras that set no marker); a gap in sequence numbers damages the access unit it may have hit
 * (the one being assembled and the one the next packet starts); a damaged unit is dropped and counted, the next one
 * starts clean; a fragmented NAL unit whose start or end is missing damages its unit. The codec reads each payload
 * into the {@link AccessUnitBuilder} and says which NAL units are keyframes and parameter sets. Not thread-safe.
 */
public abstract sealed class NalDepacketizer permits H264Depacketizer, H265Depacketizer {

    /** Larger than any camera's picture (an 8K intra picture at a high bit rate is a few MiB). */
    public static final int DEFAULT_MAX_ACCESS_UNIT_BYTES = 8 * 1024 * 1024;

    final AccessUnitBuilder unit;
    private final WrapAroundExtender timestamps = WrapAroundExtender.timestamps();
    private final SequenceGaps gaps = new SequenceGaps();
    private final ByteBuffer[] parameterSets;
    private boolean assembling;
    private long unitTimestamp;
    private boolean keyframe;
    private long damagedAccessUnits;

    /** {@code sdpParameterSets}: the codec's parameter sets from the SDP, in its order, each absent if not given. */
    NalDepacketizer(int maxAccessUnitBytes, List<Optional<byte[]>> sdpParameterSets) {
        if (maxAccessUnitBytes < 1024) {
            throw new IllegalArgumentException("an access unit bound below 1 KiB: " + maxAccessUnitBytes);
        }
        this.unit = new AccessUnitBuilder(maxAccessUnitBytes);
        this.parameterSets = sdpParameterSets.stream()
                .map(set -> set.map(NalDepacketizer::copy).orElse(null))
                .toArray(ByteBuffer[]::new);
    }

    /**
     * The sequence number the stream's first packet will have (the PLAY answer's RTP-Info {@code seq}), so that a loss
     * before it counts like any other. Without it the first packet received is taken as the stream's first: a stream
     * that starts after a lost packet holding a picture's first NAL unit gives that picture without it.
     */
    public void expectFirstSequence(int sequenceNumber) {
        gaps.expectFirst(sequenceNumber);
    }

    /** Takes the stream's next packet; hands {@code sink} each access unit it completes (none, one or two). */
    public void push(RtpPacket packet, Consumer<? super AccessUnit> sink) {
        long timestamp = timestamps.extend(packet.timestamp());
        boolean gap = gaps.follows(packet.sequenceNumber());
        if (gap && assembling) {
            unit.damage();
        }
        if (assembling && timestamp != unitTimestamp) {
            finish(sink);
        }
        if (!assembling) {
            assembling = true;
            unitTimestamp = timestamp;
            if (gap) {
                unit.damage();
            }
        }
        if (packet.payload().hasRemaining()) {
            read(packet.payload().duplicate());
        }
        if (packet.marker()) {
            finish(sink);
        }
    }

    /** Packets missing between those received, since the start. */
    public long lostPackets() {
        return gaps.lostPackets();
    }

    /** Access units dropped as damaged, since the start. */
    public long damagedAccessUnits() {
        return damagedAccessUnits;
    }

    /** Reads one packet's payload, not empty (a duplicate: its position may move), into {@link #unit}. */
    abstract void read(ByteBuffer payload);

    /** A NAL unit's place among the codec's parameter sets (the constructor's order), or -1 for another NAL unit. */
    abstract int parameterSetIndex(ByteBuffer nal);

    /** Whether a NAL unit makes its access unit a keyframe. */
    abstract boolean isKeyframe(ByteBuffer nal);

    /**
     * One fragment of a fragmented NAL unit (FU-A, H.265 FU): a start opens the unit with its rebuilt {@code header},
     * an end closes it; a middle or end without its start, or a start and end at once, damages the access unit.
     */
    final void readFragment(boolean start, boolean end, byte[] header, ByteBuffer fragment) {
        if (start && end) {
            unit.damage();
            return;
        }
        if (start) {
            abandonFragment();
            unit.open(header);
        } else if (!unit.hasOpenNal()) {
            unit.damage(); // a middle or end without its start
            return;
        }
        unit.append(fragment);
        if (end) {
            closeNal();
        }
    }

    /** A whole NAL unit: its header bytes, then the rest. */
    final void readNal(byte[] header, ByteBuffer rest) {
        abandonFragment();
        unit.open(header);
        unit.append(rest);
        closeNal();
    }

    /** A NAL unit still open when another starts lost its end. */
    final void abandonFragment() {
        if (unit.hasOpenNal()) {
            unit.damage();
        }
    }

    private void closeNal() {
        for (ByteBuffer nal : unit.close()) {
            int set = parameterSetIndex(nal);
            if (set >= 0) {
                parameterSets[set] = copy(nal);
            }
            keyframe |= isKeyframe(nal);
        }
    }

    private void finish(Consumer<? super AccessUnit> sink) {
        assembling = false;
        boolean key = keyframe;
        keyframe = false;
        if (unit.hasOpenNal()) {
            unit.damage(); // marker or new timestamp in the middle of a fragmented NAL unit
        }
        if (unit.isDamaged()) {
            damagedAccessUnits++;
            unit.reset();
            return;
        }
        if (unit.isEmpty()) {
            return;
        }
        sink.accept(new AccessUnit(unitTimestamp, unit.finish(), key, knownParameterSets()));
    }

    /** The parameter sets known now, in the codec's order; empty until all are known. */
    private List<ByteBuffer> knownParameterSets() {
        return Arrays.stream(parameterSets).allMatch(Objects::nonNull) ? List.of(parameterSets) : List.of();
    }

    private static ByteBuffer copy(ByteBuffer nal) {
        ByteBuffer copy = ByteBuffer.allocate(nal.remaining());
        copy.put(nal.duplicate()).flip();
        return copy.asReadOnlyBuffer();
    }

    private static ByteBuffer copy(byte[] nal) {
        return ByteBuffer.wrap(nal.clone()).asReadOnlyBuffer();
    }
}
