package io.vigil.media.rtp;

import static io.vigil.media.rtp.H264DepacketizerTest.hex;
import static io.vigil.media.rtp.H264DepacketizerTest.packet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import io.vigil.media.sdp.AacParameters;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Payloads below in AAC-hbr with {@code sizelength=13;indexlength=3;indexdeltalength=3}: AU-headers-length in bits
 * (0010: one AU header, 0030: three), then each AU header (size × 8 + index: 0010 is 2 bytes, 0028 is 5), then the AUs.
 */
class AacDepacketizerTest {

    private static final AacParameters HBR = new AacParameters(new byte[] {0x14, 0x08}, 13, 3, 3);

    /** Frames in words: {@code "1000 aabb"}; a refused packet as {@code "refused"}. */
    private static List<String> push(AacDepacketizer depacketizer, String packets) {
        List<String> frames = new ArrayList<>();
        for (String text : packets.split(";")) {
            try {
                depacketizer.push(packet(text), frame -> frames.add(frame.rtpTimestamp() + " " + hex(frame.bytes())));
            } catch (MediaException refused) {
                assertEquals(MediaError.MALFORMED_AAC, refused.error());
                frames.add("refused");
            }
        }
        return frames;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // packets: seq ts marker payload                       | frames out (/ between)               | damaged
                // | lost
                "one AU                        | 1 1000 M 00100010aabb                                 | 1000 aabb | 0 | 0",
                "three AUs, 1024 samples apart | 1 1000 M 0030000800100008aabbccdd                     | 1000 aa / 2024 bbcc / 3048 dd | 0 | 0",
                "fragmented AU, three packets  | 1 0 - 00100028aabb; 2 0 - 00100028ccdd; 3 0 M 00100028ee; 4 1024 M 00100008ff | 0 aabbccddee / 1024 ff | 0 | 0",
                "lost middle fragment          | 1 0 - 00100028aabb; 3 0 M 00100028ee; 4 1024 M 00100008ff | 1024 ff | 1 | 1",
                "lost first fragment           | 1 0 M 00100008aa; 3 1024 - 00100028ccdd; 4 1024 M 00100028ee; 5 2048 M 00100008ff | 0 aa / 2048 ff | 1 | 1",
                "lost whole-AU packet          | 1 0 M 00100008aa; 3 2048 M 00100008cc                 | 0 aa / 2048 cc | 0 | 1",
                "last fragment short of the AU | 1 0 - 00100028aabb; 2 0 M 00100028cc; 3 1024 M 00100008ff | 1024 ff | 1 | 0",
                "new AU before a fragment ends | 1 0 - 00100028aabb; 2 1024 M 00100008ff                | 1024 ff | 1 | 0",
                "fragment past its AU's size   | 1 0 - 00100028aabbcc; 2 0 M 00100028ddeeff; 3 1024 M 00100008ff | 1024 ff | 2 | 0",
                "refused packet in a fragmented AU | 1 0 - 00100028aabb; 2 0 - 0011; 3 0 M 00100028ee; 4 1024 M 00100008ff | refused / 1024 ff | 1 | 0",
                "timestamps wrap around        | 1 4294966272 M 002000080008aabb                      | 4294966272 aa / 4294967296 bb | 0 | 0"
            })
    void framesFromPackets(String scenario, String packets, String frames, long damaged, long lost) {
        AacDepacketizer depacketizer = new AacDepacketizer(HBR);
        assertEquals(List.of(frames.split(" / ")), push(depacketizer, packets), scenario);
        assertEquals(damaged, depacketizer.damagedFrames(), scenario + ": damaged");
        assertEquals(lost, depacketizer.lostPackets(), scenario + ": lost");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "no AU-headers-length         | 00                 | a payload of 1 bytes, without AU-headers-length",
                "headers past the payload     | 0100aabb           | 256 bits of AU headers in 2 bytes",
                "not whole AU headers         | 00110010aabb00     | 17 bits are not whole AU headers of 16/16 bits",
                "no AU header at all          | 0000aabb           | 0 bits are not whole AU headers of 16/16 bits",
                "AU of 0 bytes                | 00100000aa         | AU 0 of 0 bytes",
                "interleaved AU               | 00100011aabb       | AU 0 interleaved (a non-zero index)",
                "AUs shorter than the data    | 002000080008aabbcc | 2 AUs of 2 bytes in 3",
                "AUs longer than the data     | 002000080010aabb   | 2 AUs of 3 bytes in 2",
                "one AU shorter than the data | 00100008aabb       | 1 AUs of 1 bytes in 2"
            })
    void malformedAuHeadersAreRefused(String scenario, String payload, String message) {
        AacDepacketizer depacketizer = new AacDepacketizer(HBR);
        MediaException refused =
                assertThrows(MediaException.class, () -> depacketizer.push(packet("1 0 M " + payload), f -> {}));
        assertEquals("MALFORMED_AAC: " + message, refused.getMessage(), scenario);
        assertEquals(List.of("1024 ff"), push(depacketizer, "2 1024 M 00100008ff"), scenario + ": the next packet");
    }

    /** The recorder holds frames until their fragment is written, while the network layer reuses packet buffers. */
    @Test
    void framesOwnTheirBytesOnceThePacketsBufferIsReused() {
        byte[] whole = HexFormat.of().parseHex("0030000800100008aabbccdd"); // three AUs
        byte[] firstFragment = HexFormat.of().parseHex("0010001811aa");
        byte[] lastFragment = HexFormat.of().parseHex("0010001822");
        AacDepacketizer depacketizer = new AacDepacketizer(HBR);
        List<AudioFrame> frames = new ArrayList<>();
        depacketizer.push(new RtpPacket(true, 97, 1, 0, 1, ByteBuffer.wrap(whole)), frames::add);
        depacketizer.push(new RtpPacket(false, 97, 2, 3072, 1, ByteBuffer.wrap(firstFragment)), frames::add);
        depacketizer.push(new RtpPacket(true, 97, 3, 3072, 1, ByteBuffer.wrap(lastFragment)), frames::add);
        Arrays.fill(whole, (byte) 0);
        Arrays.fill(firstFragment, (byte) 0);
        Arrays.fill(lastFragment, (byte) 0);
        assertEquals(
                List.of("aa", "bbcc", "dd", "11aa22"),
                frames.stream().map(frame -> hex(frame.bytes())).toList());
    }
}
