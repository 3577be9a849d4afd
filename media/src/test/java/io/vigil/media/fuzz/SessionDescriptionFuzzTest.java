package io.vigil.media.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vigil.media.MediaException;
import io.vigil.media.sdp.AacParameters;
import io.vigil.media.sdp.H264Parameters;
import io.vigil.media.sdp.H265Parameters;
import io.vigil.media.sdp.MediaDescription;
import io.vigil.media.sdp.SessionDescription;
import java.nio.charset.StandardCharsets;

/** The SDP parser and each codec's parameters on any text: values or the library's refusal. */
class SessionDescriptionFuzzTest {

    @FuzzTest(maxDuration = FuzzRun.DURATION)
    void anyDescriptionIsReadOrRefusedByTheLibrary(byte[] input) {
        try {
            SessionDescription sdp = SessionDescription.parse(new String(input, StandardCharsets.UTF_8));
            assertTrue(sdp.media().size() <= SessionDescription.MAX_MEDIA);
            for (MediaDescription media : sdp.media()) {
                media.controlUrl("rtsp://cam/live/");
                switch (media.encodingName().orElse("")) {
                    case "H264" -> H264Parameters.of(media);
                    case "H265" -> H265Parameters.of(media);
                    case "MPEG4-GENERIC" -> AacParameters.of(media);
                    default -> {}
                }
            }
        } catch (MediaException refused) {
            // the library's one declared refusal
        }
    }
}
