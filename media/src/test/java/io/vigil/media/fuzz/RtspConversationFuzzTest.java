package io.vigil.media.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vigil.media.MediaException;
import io.vigil.media.auth.Credentials;
import io.vigil.media.rtsp.InterleavedDecoder;
import io.vigil.media.rtsp.RtspMessage;
import io.vigil.media.rtsp.RtspRequest;
import io.vigil.media.rtsp.RtspResponse;
import io.vigil.media.rtsp.StreamLimits;
import io.vigil.media.rtsp.client.ConversationStep;
import io.vigil.media.rtsp.client.RtspConversation;
import io.vigil.media.rtsp.client.RtspTarget;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The client's conversation fed whatever a camera may answer: a status, headers a client reads with any values, a
 * body (sometimes a real SDP), mostly with the CSeq it waits for so that every state is reached. It asks the next
 * request, reconnects, plays or refuses with a {@link MediaException}, and nothing else escapes.
 */
class RtspConversationFuzzTest {

    private static final RtspTarget TARGET =
            RtspTarget.of(URI.create("rtsp://cam/live"), Optional.of(new Credentials("admin", "secret")));
    private static final int[] STATUSES = {200, 200, 200, 200, 301, 302, 401, 404, 454, 461, 500};
    private static final String[] HEADERS = {
        "Session", "Transport", "WWW-Authenticate", "Location", "Content-Base", "RTP-Info", "Public", "CSeq"
    };
    // RTSP and SDP lines end in CRLF here, which a text block writes only with a \r escape on every line
    @SuppressWarnings("StringConcatToTextBlock")
    private static final String SDP = "v=0\r\na=control:*\r\nm=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n"
            + "a=control:trackID=1\r\nm=audio 0 RTP/AVP 97\r\na=rtpmap:97 MPEG4-GENERIC/16000/1\r\n";

    @FuzzTest(maxDuration = FuzzRun.DURATION)
    void anyAnswersAreFollowedOrRefusedByTheLibrary(FuzzedDataProvider data) {
        RtspConversation conversation = new RtspConversation(TARGET, () -> "0a4f113b");
        int lastCseq = conversation.start().cseq();
        try {
            for (int answers = 0; answers < 16 && data.remainingBytes() > 0; answers++) {
                int cseq = data.consumeBoolean() ? lastCseq : data.consumeInt(0, 100);
                RtspResponse response = response(data, cseq);
                if (response == null) {
                    continue;
                }
                ConversationStep step = conversation.onResponse(response);
                if (step instanceof ConversationStep.Send send) {
                    lastCseq = send.request().cseq();
                } else if (step instanceof ConversationStep.Reconnect) {
                    lastCseq = conversation.start().cseq();
                } else if (step instanceof ConversationStep.Playing) {
                    RtspRequest keepAlive = conversation.keepAlive();
                    lastCseq = data.consumeBoolean()
                            ? keepAlive.cseq()
                            : conversation.teardown().cseq();
                }
            }
        } catch (MediaException refused) {
            // the library's one declared refusal
        }
    }

    /** A response as a camera writes it, read back by the decoder; null if the decoder finds no response in it. */
    private static RtspResponse response(FuzzedDataProvider data, int cseq) {
        StringBuilder text = new StringBuilder("RTSP/1.0 ")
                .append(data.consumeBoolean() ? data.pickValue(STATUSES) : data.consumeInt(100, 999))
                .append(" Reason\r\nCSeq: ")
                .append(cseq)
                .append("\r\n");
        int headers = data.consumeInt(0, 4);
        for (int i = 0; i < headers; i++) {
            text.append(data.pickValue(HEADERS))
                    .append(": ")
                    .append(data.consumeString(200))
                    .append("\r\n");
        }
        byte[] body = (data.consumeBoolean() ? SDP : data.consumeString(2_000)).getBytes(StandardCharsets.UTF_8);
        text.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        ByteBuffer bytes = ByteBuffer.allocate(text.length() * 3 + body.length)
                .put(text.toString().getBytes(StandardCharsets.UTF_8))
                .put(body)
                .flip();
        RtspResponse[] decoded = new RtspResponse[1];
        new InterleavedDecoder(StreamLimits.DEFAULT).feed(bytes, item -> {
            if (decoded[0] == null && item instanceof RtspMessage message && message.isResponse()) {
                decoded[0] = RtspResponse.of(message);
            }
        });
        return decoded[0];
    }
}
