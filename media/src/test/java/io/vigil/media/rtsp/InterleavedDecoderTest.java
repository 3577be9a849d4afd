package io.vigil.media.rtsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@SuppressWarnings("StringConcatToTextBlock") // RTSP and SDP lines end in CRLF, which a text block would hide
class InterleavedDecoderTest {

    private static final String OPTIONS_REPLY =
            "RTSP/1.0 200 OK\r\nCSeq: 1\r\nPublic: OPTIONS, DESCRIBE, SETUP\r\n\r\n";
    private static final String DESCRIBE_REPLY =
            "RTSP/1.0 200 OK\r\nCSeq: 2\r\nContent-Type: application/sdp\r\n" + "Content-Length: 5\r\n\r\nv=0\r\n";

    /** Two frames around two messages, as a camera sends them after PLAY with a keep-alive answer in between. */
    private static byte[] stream() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(frame(0, new byte[] {(byte) 0x80, 0x60, 0, 1}));
        out.writeBytes(OPTIONS_REPLY.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(frame(1, new byte[] {(byte) 0x81, (byte) 0xC8}));
        out.writeBytes(DESCRIBE_REPLY.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(frame(0, new byte[0]));
        return out.toByteArray();
    }

    static byte[] frame(int channel, byte[] payload) {
        ByteBuffer frame = ByteBuffer.allocate(4 + payload.length);
        frame.put((byte) '$')
                .put((byte) channel)
                .putShort((short) payload.length)
                .put(payload);
        return frame.array();
    }

    /** What the decoder yields, each item in words: "frame 0 [128, 96, 0, 1]", "message RTSP/1.0 200 OK CSeq=1 body 0". */
    static List<String> decode(InterleavedDecoder decoder, byte[] bytes, int chunkBytes) {
        List<String> items = new ArrayList<>();
        for (int at = 0; at < bytes.length; at += chunkBytes) {
            int n = Math.min(chunkBytes, bytes.length - at);
            decoder.feed(ByteBuffer.wrap(bytes, at, n), item -> items.add(describe(item)));
        }
        return items;
    }

    static String describe(InterleavedItem item) {
        if (item instanceof InterleavedFrame frame) {
            byte[] payload = new byte[frame.payload().remaining()];
            frame.payload().get(payload);
            return "frame " + frame.channel() + " " + java.util.Arrays.toString(toUnsigned(payload));
        }
        RtspMessage message = (RtspMessage) item;
        return "message " + message.startLine() + " CSeq="
                + message.headers().first("cseq").orElse("-") + " body "
                + new String(message.body(), StandardCharsets.US_ASCII).strip();
    }

    private static int[] toUnsigned(byte[] bytes) {
        int[] values = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            values[i] = bytes[i] & 0xFF;
        }
        return values;
    }

    private static final List<String> EXPECTED = List.of(
            "frame 0 [128, 96, 0, 1]",
            "message RTSP/1.0 200 OK CSeq=1 body ",
            "frame 1 [129, 200]",
            "message RTSP/1.0 200 OK CSeq=2 body v=0",
            "frame 0 []");

    @ParameterizedTest(name = "chunks of {0} bytes")
    @CsvSource({"1", "2", "3", "4", "5", "7", "13", "64", "100000"})
    void framesAndMessagesComeOutTheSameWhereverTheStreamIsSplit(int chunkBytes) {
        InterleavedDecoder decoder = new InterleavedDecoder(StreamLimits.DEFAULT);
        assertEquals(EXPECTED, decode(decoder, stream(), chunkBytes));
        assertEquals(0, decoder.bufferedBytes());
        assertEquals(0, decoder.skippedBytes());
    }

    @Test
    void aFrameOfTheLargestLengthIsDecodedFromTheFixedBuffer() {
        byte[] payload = new byte[65_535];
        payload[65_534] = 7;
        InterleavedDecoder decoder = new InterleavedDecoder(new StreamLimits(1024, 8, 0, 0));
        List<Integer> sizes = new ArrayList<>();
        byte[] bytes = frame(2, payload);
        for (int at = 0; at < bytes.length; at += 1000) {
            decoder.feed(ByteBuffer.wrap(bytes, at, Math.min(1000, bytes.length - at)), item -> {
                ByteBuffer p = ((InterleavedFrame) item).payload();
                sizes.add(p.remaining());
                assertEquals(7, p.get(65_534));
            });
        }
        assertEquals(List.of(65_535), sizes);
        assertEquals(65_539, decoder.capacityBytes());
    }

    @Test
    void garbageBetweenItemsIsSkippedAndCounted() {
        byte[] garbage = {0, 1, 2, (byte) 0xFF, '\r', '\n', 'z'};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(garbage);
        out.writeBytes(stream());
        InterleavedDecoder decoder = new InterleavedDecoder(StreamLimits.DEFAULT);
        assertEquals(EXPECTED, decode(decoder, out.toByteArray(), 3));
        assertEquals(7, decoder.skippedBytes());
    }

    @Test
    void aFoldedHeaderLineJoinsThePreviousOne() {
        byte[] bytes = "RTSP/1.0 200 OK\r\nCSeq:\r\n  3\r\n\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(
                List.of("message RTSP/1.0 200 OK CSeq=3 body "),
                decode(new InterleavedDecoder(StreamLimits.DEFAULT), bytes, 5));
    }

    @Test
    void aRequestFromTheCameraIsAMessageToo() {
        byte[] bytes = "SET_PARAMETER rtsp://cam/ RTSP/1.0\r\nCSeq: 9\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(
                List.of("message SET_PARAMETER rtsp://cam/ RTSP/1.0 CSeq=9 body "),
                decode(new InterleavedDecoder(StreamLimits.DEFAULT), bytes, 4));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "HEADER_TOO_LARGE  | RTSP/1.0 200 OK\\r\\nX-Long: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\\r\\n",
                "TOO_MANY_HEADERS  | RTSP/1.0 200 OK\\r\\nA: 1\\r\\nB: 2\\r\\nC: 3\\r\\nD: 4\\r\\n\\r\\n",
                "BODY_TOO_LARGE    | RTSP/1.0 200 OK\\r\\nContent-Length: 33\\r\\n\\r\\n",
                "MALFORMED_MESSAGE | RTSP/1.0 200 OK\\r\\nContent-Length: -1\\r\\n\\r\\n",
                "MALFORMED_MESSAGE | RTSP/1.0 200 OK\\r\\nContent-Length: 1\\r\\nContent-Length: 2\\r\\n\\r\\n",
                "MALFORMED_MESSAGE | RTSP/1.0 200 OK\\r\\nno colon here\\r\\n\\r\\n",
                "MALFORMED_MESSAGE | RTSP/1.0 2000 OK\\r\\n\\r\\n",
                "MALFORMED_MESSAGE | RTSP/1.0 000 OK\\r\\n\\r\\n",
                "MALFORMED_MESSAGE | HELLO\\r\\n\\r\\n"
            })
    void whatBreaksTheBoundsOrTheGrammarIsRefusedByName(MediaError error, String text) {
        String unescaped = text.replace("\\r", "\r").replace("\\n", "\n");
        InterleavedDecoder decoder = new InterleavedDecoder(new StreamLimits(64, 3, 32, 16));
        MediaException refused = assertThrows(
                MediaException.class, () -> decode(decoder, unescaped.getBytes(StandardCharsets.ISO_8859_1), 7));
        assertEquals(error, refused.error());
        MediaException again = assertThrows(MediaException.class, () -> decode(decoder, frame(0, new byte[1]), 8));
        assertEquals(MediaError.DECODER_FAILED, again.error());
    }

    @Test
    void moreGarbageInARowThanTheBoundLosesTheStream() {
        InterleavedDecoder decoder = new InterleavedDecoder(new StreamLimits(64, 3, 32, 16));
        decode(decoder, new byte[16], 5);
        assertEquals(16, decoder.skippedBytes());
        MediaException refused = assertThrows(MediaException.class, () -> decode(decoder, new byte[1], 1));
        assertEquals(MediaError.STREAM_OUT_OF_SYNC, refused.error());
    }

    @Test
    void aFrameSliceIsReadOnlyAndHoldsOnlyItsPayload() {
        List<ByteBuffer> payloads = new ArrayList<>();
        new InterleavedDecoder(StreamLimits.DEFAULT)
                .feed(
                        ByteBuffer.wrap(frame(0, new byte[] {1, 2, 3})),
                        item -> payloads.add(((InterleavedFrame) item).payload()));
        assertEquals(true, payloads.get(0).isReadOnly());
        assertEquals(3, payloads.get(0).capacity());
        byte[] copy = new byte[3];
        payloads.get(0).get(copy);
        assertArrayEquals(new byte[] {1, 2, 3}, copy);
    }
}
