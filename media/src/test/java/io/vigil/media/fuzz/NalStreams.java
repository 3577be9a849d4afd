package io.vigil.media.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import io.vigil.media.rtp.NalDepacketizer;
import io.vigil.media.rtp.RtpPacket;
import java.nio.ByteBuffer;

/**
 * A video depacketizer on any packets: sequence numbers mostly in order (with gaps, repeats and jumps), timestamps
 * moving or not, markers anywhere, payloads of any bytes. It never throws, no access unit passes its bound, and no
 * more access units are damaged than packets came.
 */
final class NalStreams {

    private NalStreams() {}

    static void pushAnyPackets(FuzzedDataProvider data, NalDepacketizer depacketizer, int maxAccessUnitBytes) {
        int sequence = data.consumeInt(0, 0xFFFF);
        long timestamp = data.consumeLong(0, 0xFFFF_FFFFL);
        long packets = 0;
        while (data.remainingBytes() > 0) {
            sequence = (sequence + data.consumeInt(-1, 3)) & 0xFFFF;
            timestamp = (timestamp + (data.consumeBoolean() ? data.consumeInt(0, 90_000) : 0)) & 0xFFFF_FFFFL;
            boolean marker = data.consumeBoolean();
            byte[] payload = data.consumeBytes(data.consumeInt(0, 1500));
            packets++;
            depacketizer.push(
                    new RtpPacket(marker, 96, sequence, timestamp, 1, ByteBuffer.wrap(payload)),
                    unit -> assertTrue(
                            unit.sizeBytes() <= maxAccessUnitBytes, "access unit of " + unit.sizeBytes() + " bytes"));
        }
        assertTrue(
                depacketizer.damagedAccessUnits() <= packets,
                depacketizer.damagedAccessUnits() + " damaged of " + packets + " packets");
    }
}
