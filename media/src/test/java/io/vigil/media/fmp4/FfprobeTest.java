package io.vigil.media.fmp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.media.rtp.AccessUnit;
import io.vigil.media.rtp.AudioFrame;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * End to end with the real FFmpeg: libx264 or libx265 encode a test pattern at 25 fps (a keyframe a second), the
 * writer muxes it, with AAC from FFmpeg's encoder or not, into an init segment and fragments of 1 s (a segment each) or
 * 200 ms (parts, five to a segment, one after the other), and ffprobe and ffmpeg must read every frame as it was.
 */
class FfprobeTest {

    private static final int FRAMES = 250;
    private static final int GOP_FRAMES = 25;
    private static final long FRAME_TICKS = InitSegment.VIDEO_TIMESCALE / 25;
    private static final int PART_FRAMES = 5;

    @TempDir
    static Path dir;

    private static List<AccessUnit> h264;

    @BeforeAll
    static void encodeH264() throws Exception {
        Ffmpeg.requireEncoder("libx264");
        h264 = accessUnits("in.h264", VideoCodec.H264, FRAMES, "-c:v libx264 -bf 0 -g " + GOP_FRAMES + " -f h264");
        assertEquals(FRAMES, h264.size());
    }

    /** Fragments of 25 frames (a 1 s segment each) and of 5 frames (200 ms parts, five to a segment). */
    @ParameterizedTest(name = "{0} frames a fragment")
    @CsvSource({"25", "5"})
    void partsAfterTheInitSegmentReadAsEveryFrameWithItsTimeAndKeyframeFlag(int framesPerFragment) throws Exception {
        VideoTrack track = VideoTrack.h264(h264.get(0).parameterSets());
        Path mp4 = mux(
                "h264-" + framesPerFragment + ".mp4",
                track,
                h264,
                noOffsets(FRAMES),
                Optional.empty(),
                framesPerFragment);

        Map<String, String> stream = Ffmpeg.stream(mp4, "v:0", "codec_name,width,height,nb_read_frames,duration");
        assertEquals("h264", stream.get("codec_name"));
        assertEquals("320", stream.get("width"));
        assertEquals("240", stream.get("height"));
        assertEquals("" + FRAMES, stream.get("nb_read_frames"));
        assertEquals(10.0, Double.parseDouble(stream.get("duration")), 0.04, "duration within one frame");
        List<String> expected = IntStream.range(0, FRAMES)
                .mapToObj(i -> i * FRAME_TICKS + ",3600," + (i % GOP_FRAMES == 0 ? "K_" : "__"))
                .toList();
        assertEquals(expected, Ffmpeg.packets(mp4, "v:0", "pts,duration,flags"), "time, duration, keyframe");
        assertEquals("", Ffmpeg.decodeErrors(mp4), "decode errors");
    }

    @Test
    void h264AndAacInPartsReadAsEveryVideoAndAudioFrame() throws Exception {
        Ffmpeg.requireEncoder("aac");
        Path adts = dir.resolve("in.aac");
        Ffmpeg.run(
                "ffmpeg",
                "-v",
                "error",
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:sample_rate=48000:duration=10",
                "-ac",
                "2",
                "-c:a",
                "aac",
                "-f",
                "adts",
                adts.toString());
        Adts aac = Adts.read(Files.readAllBytes(adts));
        assertEquals(470, aac.frames().size(), "480000 samples and the encoder's 1024 of priming, in 1024s");
        Path mp4 = mux(
                "h264-aac.mp4",
                VideoTrack.h264(h264.get(0).parameterSets()),
                h264,
                noOffsets(FRAMES),
                Optional.of(aac),
                PART_FRAMES);

        assertEquals("" + FRAMES, Ffmpeg.stream(mp4, "v:0", "nb_read_frames").get("nb_read_frames"));
        Map<String, String> audio = Ffmpeg.stream(mp4, "a:0", "codec_name,sample_rate,channels,nb_read_frames");
        assertEquals(
                Map.of("codec_name", "aac", "sample_rate", "48000", "channels", "2", "nb_read_frames", "470"), audio);
        List<String> expected =
                IntStream.range(0, 470).mapToObj(i -> i * 1024 + ",1024,K_").toList();
        assertEquals(expected, Ffmpeg.packets(mp4, "a:0", "pts,duration,flags"), "every audio frame at its time");
        assertEquals("", Ffmpeg.decodeErrors(mp4), "decode errors");
    }

    @Test
    void h265PartsReadAsEveryFrameWithItsKeyframeFlag() throws Exception {
        Ffmpeg.requireEncoder("libx265");
        int frames = 100;
        String x265 = "log-level=error:keyint=" + GOP_FRAMES + ":min-keyint=" + GOP_FRAMES + ":scenecut=0:bframes=0";
        List<AccessUnit> units =
                accessUnits("in.hevc", VideoCodec.H265, frames, "-c:v libx265 -x265-params " + x265 + " -f hevc");
        assertEquals(frames, units.size());
        VideoTrack track = VideoTrack.h265(units.get(0).parameterSets());
        Path mp4 = mux("h265.mp4", track, units, noOffsets(frames), Optional.empty(), PART_FRAMES);

        Map<String, String> stream =
                Ffmpeg.stream(mp4, "v:0", "codec_name,codec_tag_string,width,height,nb_read_frames");
        assertEquals(
                Map.of(
                        "codec_name", "hevc",
                        "codec_tag_string", "hvc1",
                        "width", "320",
                        "height", "240",
                        "nb_read_frames", "" + frames),
                stream);
        List<String> expected = IntStream.range(0, frames)
                .mapToObj(i -> i * FRAME_TICKS + ",3600," + (i % GOP_FRAMES == 0 ? "K_" : "__"))
                .toList();
        assertEquals(expected, Ffmpeg.packets(mp4, "v:0", "pts,duration,flags"));
        assertEquals("", Ffmpeg.decodeErrors(mp4), "decode errors");
    }

    /**
     * x264 with two B-frames: in decode order a P-frame comes before the B-frames shown ahead of it. The fragments'
     * decode times start at the first picture's presentation time, so a B-frame's composition offset is negative
     * (trun version 1), and each picture keeps the presentation time x264 gave it.
     */
    @Test
    void bFramesKeepTheirPresentationTimesThroughSignedCompositionOffsets() throws Exception {
        int frames = 100;
        Path source = encodeTestPattern(
                "b.mp4", frames, "-c:v libx264 -bf 2 -g " + GOP_FRAMES + " -video_track_timescale 90000");
        List<long[]> times = Ffmpeg.packets(source, "v:0", "pts,dts").stream()
                .map(line -> new long[] {Long.parseLong(line.split(",")[0]), Long.parseLong(line.split(",")[1])})
                .toList();
        Path annexB = dir.resolve("b.h264");
        Ffmpeg.run(
                "ffmpeg",
                "-v",
                "error",
                "-i",
                source.toString(),
                "-c",
                "copy",
                "-bsf:v",
                "h264_mp4toannexb",
                "-f",
                "h264",
                annexB.toString());
        List<AccessUnit> units = AnnexB.accessUnits(Files.readAllBytes(annexB), FRAME_TICKS, VideoCodec.H264);
        assertEquals(frames, units.size());
        long decodeDelayTicks = times.get(0)[0] - times.get(0)[1];
        int[] offsets = times.stream()
                .mapToInt(t -> (int) (t[0] - t[1] - decodeDelayTicks))
                .toArray();
        assertTrue(IntStream.of(offsets).anyMatch(o -> o < 0), "B-frames shown before the picture decoded ahead");

        Path mp4 = mux(
                "b-frames.mp4",
                VideoTrack.h264(units.get(0).parameterSets()),
                units,
                offsets,
                Optional.empty(),
                PART_FRAMES);

        // ffmpeg's MP4 reader moves every time later by the most negative offset, so that no pts precedes its dts
        int shiftTicks = -IntStream.of(offsets).min().orElseThrow();
        List<String> presentationTimes = times.stream()
                .map(t -> "" + (t[0] - times.get(0)[0] + shiftTicks))
                .toList();
        assertEquals(presentationTimes, Ffmpeg.packets(mp4, "v:0", "pts"), "each picture at x264's time");
        List<String> shown = IntStream.range(0, frames)
                .mapToObj(i -> "" + (i * FRAME_TICKS + shiftTicks))
                .toList();
        assertEquals(shown, Ffmpeg.frames(mp4, "v:0", "pts"), "pictures shown in order, one a frame period");
        assertEquals("", Ffmpeg.decodeErrors(mp4), "decode errors");
    }

    /** Encodes {@code frames} of a 320x240 test pattern at 25 fps into an Annex-B stream: its access units. */
    private static List<AccessUnit> accessUnits(String name, VideoCodec codec, int frames, String options)
            throws IOException, InterruptedException {
        Path file = encodeTestPattern(name, frames, options);
        return AnnexB.accessUnits(Files.readAllBytes(file), FRAME_TICKS, codec);
    }

    /** Encodes {@code frames} of a 320x240 test pattern at 25 fps (4:2:0) into a file, with these options. */
    private static Path encodeTestPattern(String name, int frames, String options)
            throws IOException, InterruptedException {
        Path file = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-f", "lavfi", "-i"));
        command.addAll(List.of("testsrc=size=320x240:rate=25", "-frames:v", "" + frames, "-pix_fmt", "yuv420p"));
        command.addAll(List.of(options.split(" ")));
        command.add(file.toString());
        Ffmpeg.run(command.toArray(String[]::new));
        return file;
    }

    private static int[] noOffsets(int frames) {
        return new int[frames];
    }

    /**
     * The init segment, then a fragment per {@code framesPerPart} access units (decode times from their timestamps),
     * each with the audio frames that start before its video's end: what a player reads of a session's segments.
     */
    private static Path mux(
            String name,
            VideoTrack track,
            List<AccessUnit> units,
            int[] compositionOffsets,
            Optional<Adts> audio,
            int framesPerPart)
            throws IOException {
        Optional<AudioTrack> audioTrack = audio.map(a -> AudioTrack.aac(a.audioSpecificConfig()));
        long sampleRateHertz = audioTrack.map(AudioTrack::sampleRateHertz).orElse(1);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(InitSegment.of(track, audioTrack));
        List<AudioFrame> frames = audio.map(Adts::frames).orElse(List.of());
        int nextFrame = 0;
        long sequence = 1;
        for (int first = 0; first < units.size(); first += framesPerPart) {
            int end = Math.min(units.size(), first + framesPerPart);
            List<Sample> video = new ArrayList<>();
            for (int i = first; i < end; i++) {
                video.add(Sample.video(units.get(i), FRAME_TICKS, compositionOffsets[i], track.codec())
                        .orElseThrow());
            }
            long audioBaseTicks =
                    nextFrame < frames.size() ? frames.get(nextFrame).rtpTimestamp() : 0;
            List<Sample> sound = new ArrayList<>();
            while (nextFrame < frames.size()
                    && (end == units.size()
                            || frames.get(nextFrame).rtpTimestamp() * InitSegment.VIDEO_TIMESCALE
                                    < end * FRAME_TICKS * sampleRateHertz)) {
                sound.add(Sample.audio(frames.get(nextFrame++), 1024));
            }
            Fragment fragment = new Fragment(
                    sequence++,
                    List.of(
                            new TrackRun(
                                    InitSegment.VIDEO_TRACK_ID, units.get(first).rtpTimestamp(), video),
                            new TrackRun(InitSegment.AUDIO_TRACK_ID, audioBaseTicks, sound)));
            if (first % GOP_FRAMES == 0) {
                assertTrue(fragment.startsWithKeyframe(), "a segment's first part starts with a keyframe");
            }
            file.write(fragment.bytes());
        }
        Path mp4 = dir.resolve(name);
        Files.write(mp4, file.toByteArray());
        return mp4;
    }
}
