package io.vigil.media.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vigil.media.MediaException;
import io.vigil.media.rtp.RtpPacket;
import java.nio.ByteBuffer;

/** The RTP parser on any bytes: a payload inside the packet after its header, or the library's refusal. */
class RtpPacketFuzzTest {

    @FuzzTest(maxDuration = FuzzRun.DURATION)
    void anyPacketIsReadWithinItsBytesOrRefused(byte[] input) {
        try {
            RtpPacket packet = RtpPacket.parse(ByteBuffer.wrap(input));
            assertTrue(packet.payload().remaining() <= input.length - RtpPacket.HEADER_BYTES);
            assertTrue(packet.payload().isReadOnly());
        } catch (MediaException refused) {
            // the library's one declared refusal
        }
    }
}
