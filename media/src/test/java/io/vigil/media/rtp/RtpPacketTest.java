package io.vigil.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RtpPacketTest {

    private static String payloadHex(RtpPacket packet) {
        byte[] bytes = new byte[packet.payload().remaining()];
        packet.payload().duplicate().get(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Header fields and the payload left after CSRCs, extension and padding. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // bytes                                                                       | marker pt seq ts ssrc |
                // payload
                "80 60 0001 00000000 00000000 65aa                                             | false 96 1 0 0 | 65aa",
                "80 e0 ffff ffffffff deadbeef 41                                               | true 96 65535 4294967295 3735928559 | 41",
                "82 08 1234 00000064 00000001 0000000a 0000000b 6162                           | false 8 4660 100 1 | 6162",
                "90 60 0002 00000000 00000000 bede0001 01020304 7c85                           | false 96 2 0 0 | 7c85",
                "a0 60 0003 00000000 00000000 6742 0000 03                                     | false 96 3 0 0 | 6742",
                "b1 60 0004 00000000 00000000 00000005 bede0000 68ce 01                        | false 96 4 0 0 | 68ce",
                "80 60 0005 00000000 00000000                                                  | false 96 5 0 0 | ''"
            })
    void headerFieldsAndPayload(String hex, String header, String payload) {
        RtpPacket packet = RtpPacket.parse(ByteBuffer.wrap(HexFormat.of().parseHex(hex.replace(" ", ""))));
        assertEquals(
                header,
                packet.marker() + " " + packet.payloadType() + " " + packet.sequenceNumber() + " " + packet.timestamp()
                        + " " + packet.ssrc());
        assertEquals(payload.equals("''") ? "" : payload, payloadHex(packet));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "short header          | 80 60 0001 00000000 000000",
                "version 1             | 40 60 0001 00000000 00000000 65",
                "CSRCs past the end    | 83 60 0001 00000000 00000000 00000001",
                "extension past end    | 90 60 0001 00000000 00000000 bede",
                "extension words       | 90 60 0001 00000000 00000000 bede0002 00000000",
                "padding zero          | a0 60 0001 00000000 00000000 6500",
                "padding past header   | a0 60 0001 00000000 00000000 6505"
            })
    void anImpossiblePacketIsRefused(String why, String hex) {
        MediaException refused = assertThrows(
                MediaException.class,
                () -> RtpPacket.parse(ByteBuffer.wrap(HexFormat.of().parseHex(hex.replace(" ", "")))));
        assertEquals(MediaError.MALFORMED_RTP, refused.error(), why);
    }

    @Test
    void theBufferPositionIsLeftAsItWas() {
        ByteBuffer bytes = ByteBuffer.wrap(HexFormat.of().parseHex("ff80600001000000000000000065"));
        bytes.position(1);
        assertEquals("65", payloadHex(RtpPacket.parse(bytes)));
        assertEquals(1, bytes.position());
    }
}
