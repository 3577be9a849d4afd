package io.vigil.media.rtp;

import io.vigil.media.sdp.H264Parameters;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Puts H.264 access units back together from one stream's RTP packets (RFC 6184, packetization modes 0 and 1):
 * single NAL unit packets, STAP-A and FU-A, with Annex-B start codes inside payloads split into NAL units. Access unit
 * boundaries and losses as every {@link NalDepacketizer}; a unit past the size bound and the packet types of mode 2
 * (STAP-B, MTAP, FU-B) are damaged too. The parameter sets are the SDP's until the stream sends its own. Never throws
 * for a packet's content. Not thread-safe: one per stream.
 */
public final class H264Depacketizer extends NalDepacketizer {

    private static final int STAP_A = 24;
    private static final int FU_A = 28;
    private static final int NAL_IDR = 5;
    private static final int NAL_SPS = 7;
    private static final int NAL_PPS = 8;

    public H264Depacketizer(H264Parameters sdp, int maxAccessUnitBytes) {
        super(maxAccessUnitBytes, List.of(sdp.sps(), sdp.pps()));
    }

    @Override
    void read(ByteBuffer payload) {
        int header = payload.get(payload.position()) & 0xFF;
        int type = header & 0x1F;
        if ((header & 0x80) != 0) {
            unit.damage(); // forbidden_zero_bit: the sender marks it broken
        } else if (type >= 1 && type <= 23) {
            readNal(new byte[] {(byte) header}, payload.position(payload.position() + 1));
        } else if (type == STAP_A) {
            abandonFragment();
            readAggregate(payload.position(payload.position() + 1));
        } else if (type == FU_A) {
            readFuA(header, payload.position(payload.position() + 1));
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
            readNal(new byte[] {(byte) header}, units.slice(units.position() + 1, size - 1));
            units.position(units.position() + size);
        }
        if (units.hasRemaining()) {
            unit.damage();
        }
    }

    private void readFuA(int indicator, ByteBuffer fragment) {
        if (!fragment.hasRemaining()) {
            unit.damage();
            return;
        }
        int fuHeader = fragment.get() & 0xFF;
        byte[] header = {(byte) ((indicator & 0xE0) | (fuHeader & 0x1F))};
        readFragment((fuHeader & 0x80) != 0, (fuHeader & 0x40) != 0, header, fragment);
    }

    @Override
    int parameterSetIndex(ByteBuffer nal) {
        int type = nal.get(0) & 0x1F;
        return type == NAL_SPS ? 0 : type == NAL_PPS ? 1 : -1;
    }

    @Override
    boolean isKeyframe(ByteBuffer nal) {
        return (nal.get(0) & 0x1F) == NAL_IDR;
    }
}
