package io.vigil.media.rtp;

import io.vigil.media.sdp.H265Parameters;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Puts H.265 access units back together from one stream's RTP packets (RFC 7798, without DONL: {@code
 * sprop-max-don-diff} 0, as cameras send): single NAL unit packets, aggregation packets (AP, type 48) and
 * fragmentation units (FU, type 49), with Annex-B start codes inside payloads split into NAL units. Access unit
 * boundaries and losses as every {@link NalDepacketizer}; a unit past the size bound, a payload shorter than its header
 * and PACI packets (type 50) are damaged too. A keyframe holds an IRAP picture (NAL types 16-21). The parameter sets
 * (VPS, SPS, PPS) are the SDP's until the stream sends its own. Never throws for a packet's content. Not thread-safe:
 * one per stream.
 */
public final class H265Depacketizer extends NalDepacketizer {

    private static final int HEADER_BYTES = 2;
    private static final int AP = 48;
    private static final int FU = 49;
    private static final int PACI = 50;
    private static final int IRAP_FIRST = 16;
    private static final int IRAP_LAST = 21;
    private static final int NAL_VPS = 32;
    private static final int NAL_PPS = 34;

    public H265Depacketizer(H265Parameters sdp, int maxAccessUnitBytes) {
        super(maxAccessUnitBytes, List.of(sdp.vps(), sdp.sps(), sdp.pps()));
    }

    @Override
    void read(ByteBuffer payload) {
        if (payload.remaining() < HEADER_BYTES || (payload.get(payload.position()) & 0x80) != 0) {
            unit.damage(); // no room for the payload header, or forbidden_zero_bit: the sender marks it broken
            return;
        }
        byte[] header = {payload.get(), payload.get()};
        int type = type(header[0]);
        if (type < AP) {
            readNal(header, payload);
        } else if (type == AP) {
            abandonFragment();
            readAggregate(payload);
        } else if (type == FU) {
            readFu(header, payload);
        } else if (type == PACI) {
            unit.damage(); // PACI: not sent by cameras, not read
        }
        // 51-63: not defined by RFC 7798; left out
    }

    private void readAggregate(ByteBuffer units) {
        while (units.remaining() >= 2) {
            int size = units.getShort() & 0xFFFF;
            if (size < HEADER_BYTES || size > units.remaining()) {
                unit.damage();
                return;
            }
            byte[] header = {units.get(units.position()), units.get(units.position() + 1)};
            if ((header[0] & 0x80) != 0 || type(header[0]) >= AP) {
                unit.damage(); // an aggregate holds single NAL units only
                return;
            }
            readNal(header, units.slice(units.position() + HEADER_BYTES, size - HEADER_BYTES));
            units.position(units.position() + size);
        }
        if (units.hasRemaining()) {
            unit.damage();
        }
    }

    private void readFu(byte[] payloadHeader, ByteBuffer fragment) {
        if (!fragment.hasRemaining()) {
            unit.damage();
            return;
        }
        int fuHeader = fragment.get() & 0xFF;
        int fuType = fuHeader & 0x3F;
        if (fuType >= AP) {
            unit.damage(); // a fragment of an AP, FU or PACI
            return;
        }
        byte[] header = {(byte) ((payloadHeader[0] & 0x81) | (fuType << 1)), payloadHeader[1]};
        readFragment((fuHeader & 0x80) != 0, (fuHeader & 0x40) != 0, header, fragment);
    }

    @Override
    int parameterSetIndex(ByteBuffer nal) {
        int type = type(nal.get(0));
        return type >= NAL_VPS && type <= NAL_PPS ? type - NAL_VPS : -1;
    }

    @Override
    boolean isKeyframe(ByteBuffer nal) {
        int type = type(nal.get(0));
        return type >= IRAP_FIRST && type <= IRAP_LAST;
    }

    private static int type(byte headerFirstByte) {
        return (headerFirstByte >> 1) & 0x3F;
    }
}
