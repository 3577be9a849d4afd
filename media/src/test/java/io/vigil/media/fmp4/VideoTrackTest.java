package io.vigil.media.fmp4;

import static io.vigil.media.fmp4.InitSegmentTest.H265_PPS;
import static io.vigil.media.fmp4.InitSegmentTest.H265_SPS;
import static io.vigil.media.fmp4.InitSegmentTest.H265_VPS;
import static io.vigil.media.fmp4.InitSegmentTest.PPS;
import static io.vigil.media.fmp4.InitSegmentTest.SPS;
import static io.vigil.media.fmp4.InitSegmentTest.nal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VideoTrackTest {

    private static List<ByteBuffer> nals(String spaced) {
        return spaced.isBlank()
                ? List.of()
                : List.of(spaced.trim().split(" ")).stream()
                        .map(InitSegmentTest::nal)
                        .toList();
    }

    @Test
    void readsTheSizeFromTheFirstSpsOfEitherCodec() {
        VideoTrack h264 = VideoTrack.h264(nals(SPS + " " + PPS));
        assertEquals(VideoCodec.H264, h264.codec());
        assertEquals("320x240", h264.widthPixels() + "x" + h264.heightPixels());
        VideoTrack h265 = VideoTrack.h265(nals(H265_VPS + " " + H265_SPS + " " + H265_PPS));
        assertEquals(VideoCodec.H265, h265.codec());
        assertEquals("320x240", h265.widthPixels() + "x" + h265.heightPixels());
        assertEquals(List.of(nal(H265_SPS)), h265.parameterSets(33));
    }

    @Test
    void tracksOfTheSameParameterSetsAreEqualAndOwnTheirBytes() {
        byte[] sps = InitSegmentTest.nal(SPS).array();
        VideoTrack track = VideoTrack.h264(List.of(ByteBuffer.wrap(sps), nal(PPS)));
        assertEquals(VideoTrack.h264(nals(SPS + " " + PPS)), track);
        sps[sps.length - 1] = 0x61; // the camera's buffer, reused
        assertEquals(VideoTrack.h264(nals(SPS + " " + PPS)), track);
        assertNotEquals(VideoTrack.h264(nals(SPS + " " + PPS + " 68ebe3cb22c1")), track);
    }

    /** Each a list of parameter sets a camera might send, refused by one factory or both. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "none                       | h264 | ''",
                "no PPS                     | h264 | " + SPS,
                "no SPS                     | h264 | " + PPS,
                "an empty NAL unit          | h264 | " + SPS + " " + PPS + " ''",
                "a slice among them         | h264 | " + SPS + " " + PPS + " 6588",
                "an SPS that does not read  | h264 | 6764000dacd9 " + PPS,
                "H.264 sets for H.265       | h265 | " + SPS + " " + PPS,
                "no VPS                     | h265 | " + H265_SPS + " " + H265_PPS,
                "an H.265 SPS cut short     | h265 | " + H265_VPS + " 42010101600000030090 " + H265_PPS
            })
    void refusesMalformedParameterSets(String scenario, String codec, String spaced) {
        List<ByteBuffer> sets = new ArrayList<>();
        for (String hex : spaced.split(" ")) {
            if (!spaced.isBlank()) {
                sets.add(hex.equals("''") ? ByteBuffer.allocate(0) : nal(hex));
            }
        }
        Function<List<ByteBuffer>, VideoTrack> factory = codec.equals("h264") ? VideoTrack::h264 : VideoTrack::h265;
        MediaException e = assertThrows(MediaException.class, () -> factory.apply(sets), scenario);
        assertEquals(MediaError.MALFORMED_PARAMETER_SET, e.error(), scenario);
    }

    @Test
    void refusesMoreOfATypeThanItsRecordHoldsOrALongerSet() {
        List<ByteBuffer> spss = new ArrayList<>(Collections.nCopies(32, nal(SPS)));
        spss.add(nal(PPS));
        List<ByteBuffer> longPps =
                List.of(nal(SPS), ByteBuffer.allocate(0x10000).put(0, (byte) 0x68));
        List<ByteBuffer> vpss = new ArrayList<>(Collections.nCopies(17, nal(H265_VPS)));
        vpss.addAll(nals(H265_SPS + " " + H265_PPS));
        for (Runnable refused : List.<Runnable>of(
                () -> VideoTrack.h264(spss), () -> VideoTrack.h264(longPps), () -> VideoTrack.h265(vpss))) {
            assertEquals(
                    MediaError.MALFORMED_PARAMETER_SET,
                    assertThrows(MediaException.class, refused::run).error());
        }
        assertEquals(31, VideoTrack.h264(spss.subList(1, 33)).parameterSets(7).size());
    }
}
