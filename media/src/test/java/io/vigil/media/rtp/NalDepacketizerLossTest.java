package io.vigil.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.media.sdp.H264Parameters;
import io.vigil.media.sdp.H265Parameters;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pictures packetized the ways cameras do (single NAL units, aggregates: STAP-A or AP, fragments: FU-A or FU), in
 * H.264 and H.265, one packet lost: every access unit that
 * comes out is exactly a picture that went in, and at most two are missing: the one the loss hit (damaged, or gone
 * whole when it was a single packet) and the next when the lost packet was at a boundary (damaged: the lost packet
 * could have been its first). 300 seeded streams, one in ten without a loss.
 */
class NalDepacketizerLossTest {

    private static final int PICTURES = 20;
    private static final int MTU_BYTES = 1400;

    /** How each codec writes NAL unit headers, aggregates and fragments. */
    @SuppressWarnings("ImmutableEnumChecker") // test table: its arrays are never written
    enum Codec {
        H264(1, new byte[] {24}) {
            @Override
            byte[] header(boolean idr) {
                return new byte[] {(byte) (0x60 | (idr ? 5 : 1))};
            }

            @Override
            byte[] fragmentHeader(byte[] nal, boolean start, boolean end) {
                int flags = (start ? 0x80 : 0) | (end ? 0x40 : 0);
                return new byte[] {(byte) ((nal[0] & 0xE0) | 28), (byte) (flags | (nal[0] & 0x1F))};
            }

            @Override
            NalDepacketizer depacketizer() {
                return new H264Depacketizer(
                        new H264Parameters(1, Optional.empty(), Optional.empty(), Optional.empty()), 1 << 20);
            }
        },
        H265(2, new byte[] {0x60, 0x01}) {
            @Override
            byte[] header(boolean idr) {
                return new byte[] {(byte) ((idr ? 19 : 1) << 1), 0x01};
            }

            @Override
            byte[] fragmentHeader(byte[] nal, boolean start, boolean end) {
                int flags = (start ? 0x80 : 0) | (end ? 0x40 : 0);
                return new byte[] {(byte) ((nal[0] & 0x81) | (49 << 1)), nal[1], (byte) (flags | ((nal[0] >> 1) & 0x3F))
                };
            }

            @Override
            NalDepacketizer depacketizer() {
                return new H265Depacketizer(
                        new H265Parameters(Optional.empty(), Optional.empty(), Optional.empty()), 1 << 20);
            }
        };

        final int headerBytes;
        final byte[] aggregateHeader;

        Codec(int headerBytes, byte[] aggregateHeader) {
            this.headerBytes = headerBytes;
            this.aggregateHeader = aggregateHeader;
        }

        abstract byte[] header(boolean idr);

        /** What comes before a fragment's bytes: FU indicator and header (H.264), payload and FU header (H.265). */
        abstract byte[] fragmentHeader(byte[] nal, boolean start, boolean end);

        abstract NalDepacketizer depacketizer();
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void aLostPacketDropsAtMostTwoPicturesAndCorruptsNone(Codec codec) {
        for (long seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            Map<Long, List<String>> sent = new HashMap<>();
            List<RtpPacket> packets = new ArrayList<>();
            int sequence = random.nextInt(0x10000);
            long timestamp = random.nextLong() & 0xFFFF_FFFFL;
            for (int p = 0; p < PICTURES; p++) {
                List<byte[]> nals = picture(codec, random, p == 0);
                sent.put(
                        timestamp + 3600L * p,
                        nals.stream().map(HexFormat.of()::formatHex).toList());
                for (byte[] payload : packetize(codec, random, nals)) {
                    packets.add(new RtpPacket(
                            false, 96, sequence, (timestamp + 3600L * p) & 0xFFFF_FFFFL, 1, ByteBuffer.wrap(payload)));
                    sequence = (sequence + 1) & 0xFFFF;
                }
                RtpPacket last = packets.remove(packets.size() - 1);
                packets.add(new RtpPacket(
                        true, last.payloadType(), last.sequenceNumber(), last.timestamp(), 1, last.payload()));
            }
            // not the last packet: a loss shows only when a later packet comes
            int lost = seed % 10 == 0 ? -1 : random.nextInt(packets.size() - 1);
            NalDepacketizer depacketizer = codec.depacketizer();
            depacketizer.expectFirstSequence(packets.get(0).sequenceNumber());
            List<AccessUnit> received = new ArrayList<>();
            for (int i = 0; i < packets.size(); i++) {
                if (i != lost) {
                    depacketizer.push(packets.get(i), received::add);
                }
            }
            for (AccessUnit unit : received) {
                assertEquals(
                        sent.get(unit.rtpTimestamp()),
                        unit.nalUnits().stream().map(H264DepacketizerTest::hex).toList(),
                        "seed " + seed + ": the picture at " + unit.rtpTimestamp());
            }
            int missing = PICTURES - received.size();
            long damaged = depacketizer.damagedAccessUnits();
            assertTrue(
                    lost < 0 ? missing == 0 : missing >= 1 && missing <= 2,
                    "seed " + seed + ": " + missing + " missing");
            assertTrue(
                    damaged == missing || damaged == missing - 1,
                    "seed " + seed + ": " + damaged + " damaged, " + missing + " missing");
            assertEquals(lost < 0 ? 0 : 1, depacketizer.lostPackets(), "seed " + seed);
        }
    }

    /** 1-4 NAL units of 1-4000 bytes, none holding a zero byte (which could form a start code); IDR first. */
    private static List<byte[]> picture(Codec codec, Random random, boolean idr) {
        List<byte[]> nals = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int n = 0; n < count; n++) {
            byte[] header = codec.header(idr);
            byte[] nal = new byte[header.length + random.nextInt(random.nextBoolean() ? 60 : 4000)];
            for (int i = header.length; i < nal.length; i++) {
                nal[i] = (byte) (1 + random.nextInt(255));
            }
            System.arraycopy(header, 0, nal, 0, header.length);
            nals.add(nal);
        }
        return nals;
    }

    /** Each NAL unit alone, in an aggregate with the next one when they fit, or in fragments when it does not fit. */
    private static List<byte[]> packetize(Codec codec, Random random, List<byte[]> nals) {
        List<byte[]> payloads = new ArrayList<>();
        for (int n = 0; n < nals.size(); n++) {
            byte[] nal = nals.get(n);
            if (nal.length > MTU_BYTES) {
                int first = codec.headerBytes;
                for (int at = first; at < nal.length; at += MTU_BYTES - 3) {
                    int end = Math.min(nal.length, at + MTU_BYTES - 3);
                    ByteArrayOutputStream fragment = new ByteArrayOutputStream();
                    fragment.writeBytes(codec.fragmentHeader(nal, at == first, end == nal.length));
                    fragment.write(nal, at, end - at);
                    payloads.add(fragment.toByteArray());
                }
            } else if (random.nextBoolean()
                    && n + 1 < nals.size()
                    && nal.length + nals.get(n + 1).length + 6 <= MTU_BYTES) {
                ByteArrayOutputStream aggregate = new ByteArrayOutputStream();
                aggregate.writeBytes(codec.aggregateHeader);
                for (byte[] unit : List.of(nal, nals.get(++n))) {
                    aggregate.write(unit.length >> 8);
                    aggregate.write(unit.length & 0xFF);
                    aggregate.write(unit, 0, unit.length);
                }
                payloads.add(aggregate.toByteArray());
            } else {
                payloads.add(nal);
            }
        }
        return payloads;
    }
}
