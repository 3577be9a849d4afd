package io.vigil.media.rtp;

import io.vigil.media.sdp.H264Parameters;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Consumer;

/**
 * Puts H.264 access units back together from one stream's RTP packets (RFC 6184, packetization modes 0 and 1):
 * single NAL unit packets, STAP-A and FU-A, with Annex-B start codes inside payloads split into NAL units. An access
 * unit ends at a packet with the marker bit, or when the timestamp changes (cameras that set no marker). A gap in
 * sequence numbers damages the access unit it may have hit: the one being assembled and the one the next packet
 * starts; a damaged unit is dropped and counted ({@link #damagedAccessUnits()}), the next one starts clean. So do a
 * FU-A whose start or end is missing, an access unit past the size bound and the packet types of mode 2 (STAP-B,
 * MTAP, FU-B). The parameter sets are the SDP's until the stream sends its own. Never throws for a packet's content.
 * Not thread-safe: one per stream.
 */
public final class H264Depacketizer {

    /** Larger than any camera's picture (an 8K intra picture at a high bit rate is a few MiB). */
    public static final int DEFAULT_MAX_ACCESS_UNIT_BYTES = 8 * 1024 * 1024;

    private static final int STAP_A = 24;
    private static final int FU_A = 28;
    private static final int NAL_IDR = 5;
    private static final int NAL_SPS = 7;
    private static final int NAL_PPS = 8;

    private final AccessUnitBuilder unit;
    private final WrapAroundExtender timestamps = WrapAroundExtender.timestamps();
    private ByteBuffer sps;
    private ByteBuffer pps;
    private int expectedSequence = -1;
    private boolean assembling;
    private long unitTimestamp;
    private boolean keyframe;
    private long lostPackets;
    private long damagedAccessUnits;

    public H264Depacketizer(H264Parameters sdp, int maxAccessUnitBytes) {
        if (maxAccessUnitBytes < 1024) {
            throw new IllegalArgumentException("an access unit bound below 1 KiB: " + maxAccessUnitBytes);
        }
        this.unit = new AccessUnitBuilder(maxAccessUnitBytes);
        this.sps = sdp.sps().map(H264Depacketizer::copy).orElse(null);
        this.pps = sdp.pps().map(H264Depacketizer::copy).orElse(null);
    }

    /**
     * The sequence number the stream's first packet will have (the PLAY answer's RTP-Info {@code seq}), so that a loss
     * before it counts like any other. Without it the first packet received is taken as the stream's first: a stream
     * that starts after a lost packet holding a picture's first NAL unit gives that picture without it.
     */
    public void expectFirstSequence(int sequenceNumber) {
        if (sequenceNumber < 0 || sequenceNumber > 0xFFFF) {
            throw new IllegalArgumentException("an RTP sequence number is 16 bits: " + sequenceNumber);
        }
        expectedSequence = sequenceNumber;
    }

    /** Takes the stream's next packet; hands {@code sink} each access unit it completes (none, one or two). */
    public void push(RtpPacket packet, Consumer<? super AccessUnit> sink) {
        long timestamp = timestamps.extend(packet.timestamp());
        boolean gap = expectedSequence >= 0 && packet.sequenceNumber() != expectedSequence;
        if (gap) {
            int missing = (packet.sequenceNumber() - expectedSequence) & 0xFFFF;
            lostPackets += missing < 0x8000 ? missing : 1;
            if (assembling) {
                unit.damage();
            }
        }
        expectedSequence = (packet.sequenceNumber() + 1) & 0xFFFF;
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
        read(packet.payload().duplicate());
        if (packet.marker()) {
            finish(sink);
        }
    }

    /** Packets missing between those received, since the start. */
    public long lostPackets() {
        return lostPackets;
    }

    /** Access units dropped as damaged, since the start. */
    public long damagedAccessUnits() {
        return damagedAccessUnits;
    }

    private void read(ByteBuffer payload) {
        if (!payload.hasRemaining()) {
            return;
        }
        int header = payload.get(payload.position()) & 0xFF;
        int type = header & 0x1F;
        if ((header & 0x80) != 0) {
            unit.damage(); // forbidden_zero_bit: the sender marks it broken
        } else if (type >= 1 && type <= 23) {
            abandonFragment();
            unit.open(header);
            unit.append(payload.position(payload.position() + 1));
            closeNal();
        } else if (type == STAP_A) {
            abandonFragment();
            readAggregate(payload.position(payload.position() + 1));
        } else if (type == FU_A) {
            readFragment(header, payload.position(payload.position() + 1));
        } else if (type >= 25 && type <= 29) {
            unit.damage(); // STAP-B, MTAP16, MTAP24, FU-B: mode 2 only
        }
        // 0, 30, 31: not defined by RFC 6184; left out
    }

    private void readAggregate(ByteBuffer units) {
        while (units.remaining() >= 2) {
            int size = units.getShort() & 0xFFFF;
            if (size == 0 || size > units.remaining()) {
                unit.damage();
                return;
            }
            int header = units.get(units.position()) & 0xFF;
            if ((header & 0x80) != 0 || (header & 0x1F) == 0 || (header & 0x1F) > 23) {
                unit.damage(); // an aggregate holds single NAL units only
                return;
            }
            unit.open(header);
            unit.append(units.slice(units.position() + 1, size - 1));
            closeNal();
            units.position(units.position() + size);
        }
        if (units.hasRemaining()) {
            unit.damage();
        }
    }

    private void readFragment(int indicator, ByteBuffer fragment) {
        if (!fragment.hasRemaining()) {
            unit.damage();
            return;
        }
        int fuHeader = fragment.get() & 0xFF;
        boolean start = (fuHeader & 0x80) != 0;
        boolean end = (fuHeader & 0x40) != 0;
        if (start && end) {
            unit.damage();
            return;
        }
        if (start) {
            abandonFragment();
            unit.open((indicator & 0xE0) | (fuHeader & 0x1F));
        } else if (!unit.hasOpenNal()) {
            unit.damage(); // a middle or end without its start
            return;
        }
        unit.append(fragment);
        if (end) {
            closeNal();
        }
    }

    /** A NAL unit still open when another starts lost its end. */
    private void abandonFragment() {
        if (unit.hasOpenNal()) {
            unit.damage();
        }
    }

    private void closeNal() {
        for (ByteBuffer nal : unit.close()) {
            int type = nal.get(0) & 0x1F;
            if (type == NAL_SPS) {
                sps = copy(nal);
            } else if (type == NAL_PPS) {
                pps = copy(nal);
            } else if (type == NAL_IDR) {
                keyframe = true;
            }
        }
    }

    private void finish(Consumer<? super AccessUnit> sink) {
        assembling = false;
        boolean idr = keyframe;
        keyframe = false;
        if (unit.hasOpenNal()) {
            unit.damage(); // marker or new timestamp in the middle of a FU-A
        }
        if (unit.isDamaged()) {
            damagedAccessUnits++;
            unit.reset();
            return;
        }
        if (unit.isEmpty()) {
            return;
        }
        List<ByteBuffer> parameterSets = sps != null && pps != null ? List.of(sps, pps) : List.of();
        sink.accept(new AccessUnit(unitTimestamp, unit.finish(), idr, parameterSets));
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
