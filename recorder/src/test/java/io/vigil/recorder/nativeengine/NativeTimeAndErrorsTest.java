package io.vigil.recorder.nativeengine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import io.vigil.recorder.StreamError;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The native engine's stream time, and what a media library failure means for a camera. */
class NativeTimeAndErrorsTest {

    @Test
    void aSenderReportTimestampIsExtendedNearTheLatestFrameAcrossWrapAround() {
        assertEquals(0x1_0000_0010L, TrackTimeline.extendNear(0x10, 0xFFFF_FFF0L), "just after a wrap");
        assertEquals(0xFFFF_FFF0L, TrackTimeline.extendNear(0xFFFF_FFF0L, 0x1_0000_0010L), "just before one");
        assertEquals(90_000L, TrackTimeline.extendNear(90_000, 0), "no wrap");
    }

    @Test
    void streamTimeCountsFromTheAnchorAtTheTracksClockRate() {
        TrackTimeline video = new TrackTimeline(90_000);
        video.anchor(4_294_000_000L, 0);
        assertEquals(1_000_000L, video.micros(4_294_090_000L));
        assertEquals(-40_000L, video.micros(4_293_996_400L), "before the anchor");
        TrackTimeline audio = new TrackTimeline(48_000);
        audio.anchor(1_000, 500_000);
        assertEquals(521_333L, audio.micros(2_024), "one AAC frame after");
        assertEquals(48_000L, audio.ticks(1_000_000), "a second of stream time in its ticks");
    }

    @Test
    void aTimestampJumpingAheadIsClosedUpToOneFrameAndLaterOnesMoveAsMuch() throws Exception {
        FrameTimeline frames = new FrameTimeline();
        assertEquals(0, frames.next(0));
        assertEquals(3_600, frames.next(3_600));
        long afterMinute = 3_600 + 60 * 90_000;
        assertEquals(7_200, frames.next(afterMinute), "one frame after the previous");
        assertEquals(10_800, frames.next(afterMinute + 3_600));
        assertEquals(10_800, frames.repaired(afterMinute + 3_600), "a sender report moves as its frames");
        assertEquals(1, frames.jumps());
    }

    @Test
    void aCameraClockRestartingFarBackIsAJumpNotReordering() throws Exception {
        FrameTimeline frames = new FrameTimeline();
        frames.next(900_000);
        frames.next(903_600);
        assertEquals(907_200, frames.next(0));
        assertEquals(910_800, frames.next(3_600));
        assertEquals(1, frames.jumps());
    }

    @Test
    void aTimestampALittleBeforeThePreviousOneIsReordering() throws Exception {
        FrameTimeline frames = new FrameTimeline();
        frames.next(0);
        frames.next(10_800);
        assertThrows(NativeSegmenter.ReorderedFrames.class, () -> frames.next(3_600));
    }

    @Test
    void aCameraThatRefusesTheCredentialsIsUnauthorized() {
        assertEquals(StreamError.Kind.UNAUTHORIZED, kind(MediaError.UNAUTHORIZED));
    }

    @Test
    void aCameraThatDoesNotAnswerIsUnreachable() {
        assertEquals(StreamError.Kind.UNREACHABLE, kind(MediaError.UNREACHABLE));
        assertEquals(StreamError.Kind.UNREACHABLE, kind(MediaError.TIMEOUT));
        assertEquals(StreamError.Kind.UNREACHABLE, kind(MediaError.CONNECTION_CLOSED));
    }

    @Test
    void aCameraAnsweringWithAnErrorStatusStaysOnTheNativeEngine() {
        assertEquals(StreamError.Kind.STREAM, kind(MediaError.PROTOCOL));
    }

    @Test
    void whatTheNativeEngineCannotReadFallsBackToFfmpeg() {
        for (MediaError error : new MediaError[] {
            MediaError.UNSUPPORTED,
            MediaError.MALFORMED_SDP,
            MediaError.MALFORMED_MESSAGE,
            MediaError.AUTH_UNSUPPORTED,
            MediaError.STREAM_OUT_OF_SYNC,
            MediaError.LISTENER_FAILED
        }) {
            assertEquals(StreamError.Kind.NOT_NATIVE, kind(error), error.name());
        }
        assertEquals(
                StreamError.Kind.NOT_NATIVE,
                NativeEngine.NativeErrors.of(new IllegalStateException("bug"), Duration.ofSeconds(1))
                        .kind(),
                "anything else the library throws");
    }

    private static StreamError.Kind kind(MediaError error) {
        StreamError mapped =
                NativeEngine.NativeErrors.of(new MediaException(error, "what happened"), Duration.ofSeconds(1));
        assertEquals("what happened", mapped.getMessage(), "the status says it in words");
        assertEquals("what happened [" + error + ": what happened]", mapped.forLog(), "the log keeps the code");
        return mapped.kind();
    }
}
