package io.vigil.media.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vigil.media.MediaException;
import io.vigil.media.auth.AuthChallenge;
import io.vigil.media.auth.BasicAuth;
import io.vigil.media.auth.Credentials;
import io.vigil.media.auth.DigestAuth;
import io.vigil.media.rtsp.InterleavedDecoder;
import io.vigil.media.rtsp.RtspMessage;
import io.vigil.media.rtsp.RtspResponse;
import io.vigil.media.rtsp.StreamLimits;
import java.nio.ByteBuffer;

/** Every header a client reads from a response, and the answer to its challenges, on any bytes: values or refusals. */
class RtspResponseFuzzTest {

    private static final Credentials CREDENTIALS = new Credentials("admin", "secret");

    @FuzzTest(maxDuration = FuzzRun.DURATION)
    void anyResponseIsReadOrRefusedByTheLibrary(byte[] input) {
        try {
            new InterleavedDecoder(StreamLimits.DEFAULT).feed(ByteBuffer.wrap(input), item -> {
                if (item instanceof RtspMessage message && message.isResponse()) {
                    read(RtspResponse.of(message));
                }
            });
        } catch (MediaException refused) {
            // the library's one declared refusal
        }
    }

    private static void read(RtspResponse response) {
        try {
            response.cseq();
            response.session();
            response.transport();
            response.rtpInfo();
            response.contentBase();
            response.location();
            for (AuthChallenge challenge : response.challenges()) {
                if (challenge.scheme().equals("digest")) {
                    DigestAuth.of(challenge).authorization(CREDENTIALS, "DESCRIBE", "rtsp://cam/live", "0a4f113b", 1);
                } else {
                    BasicAuth.authorization(CREDENTIALS);
                }
            }
        } catch (MediaException refused) {
            // a malformed header refuses this response only
        }
    }
}
