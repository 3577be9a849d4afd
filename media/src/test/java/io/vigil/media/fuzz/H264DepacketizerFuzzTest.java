package io.vigil.media.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vigil.media.rtp.H264Depacketizer;
import io.vigil.media.rtp.RtpPacket;
import io.vigil.media.sdp.H264Parameters;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The H.264 depacketizer on any packets: sequence numbers mostly in order (with gaps, repeats and jumps), timestamps
 * moving or not, markers anywhere, payloads of any bytes. It never throws, and no access unit passes its bound.
 */
class H264DepacketizerFuzzTest {

    private static final int MAX_ACCESS_UNIT_BYTES = 4096;

    @FuzzTest(maxDuration = FuzzRun.DURATION)
    void anyPacketsYieldBoundedAccessUnitsAndNoException(FuzzedDataProvider data) {
        H264Depacketizer depacketizer = new H264Depacketizer(
                new H264Parameters(1, Optional.empty(), Optional.empty(), Optional.empty()), MAX_ACCESS_UNIT_BYTES);
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
                            unit.sizeBytes() <= MAX_ACCESS_UNIT_BYTES,
                            "access unit of " + unit.sizeBytes() + " bytes"));
        }
        assertTrue(
                depacketizer.damagedAccessUnits() <= packets,
                depacketizer.damagedAccessUnits() + " damaged of " + packets + " packets");
    }
}
