package io.vigil.media.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import io.vigil.media.fmp4.InitSegment;
import io.vigil.media.fmp4.VideoTrack;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code VideoTrack.h264} and {@code h265} on any parameter sets (a camera's, from the SDP or the stream): each makes a
 * track whose init segment writes, or refuses them with {@code MALFORMED_PARAMETER_SET}; nothing else. The input: a
 * byte choosing the codec (even H.264, odd H.265), then the parameter sets after Annex-B start codes (00 00 01), as
 * the seeds have libx264's and libx265's.
 */
class VideoTrackFuzzTest {

    @FuzzTest(maxDuration = FuzzRun.DURATION)
    void anyParameterSetsMakeATrackOrAreRefused(byte[] input) {
        if (input.length == 0) {
            return;
        }
        List<ByteBuffer> parameterSets = afterStartCodes(input);
        try {
            VideoTrack track = (input[0] & 1) == 1 ? VideoTrack.h265(parameterSets) : VideoTrack.h264(parameterSets);
            assertTrue(track.widthPixels() > 0 && track.heightPixels() > 0);
            assertTrue(InitSegment.of(track, Optional.empty()).length > 0);
        } catch (MediaException refused) {
            assertEquals(MediaError.MALFORMED_PARAMETER_SET, refused.error());
        }
    }

    /** The bytes after the first, between each start code and the next (any of them empty). */
    private static List<ByteBuffer> afterStartCodes(byte[] input) {
        List<ByteBuffer> units = new ArrayList<>();
        int start = -1;
        for (int i = 1; i + 2 < input.length; i++) {
            if (input[i] == 0 && input[i + 1] == 0 && input[i + 2] == 1) {
                if (start >= 0) {
                    units.add(ByteBuffer.wrap(input, start, i - start));
                }
                start = i + 3;
                i += 2;
            }
        }
        if (start >= 0) {
            units.add(ByteBuffer.wrap(input, start, input.length - start));
        }
        return units;
    }
}
