package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.archive.index.Segment;
import io.vigil.archive.index.SegmentIndex;
import io.vigil.media.mp4.Fragments;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * MPEG-DASH over the archive's segments, against the real RTSP simulator: FFmpeg's DASH demuxer (a real DASH client)
 * reads a range's static manifest over HTTP with a bearer token and copies it into one file, whose video lasts as long
 * as the index says that range's footage does, frame for frame; the manifest's timeline adds up to the index's
 * durations and its presentation time offset is the first segment's decode time in its bytes; the live manifest's
 * period keeps its start, the session's first segment's, while the window slides past it.
 *
 * <p>The camera FFmpeg plays sends no audio: FFmpeg's DASH demuxer gives each Representation one output stream, so the
 * audio muxed into a Vigil segment would come out as packets of the video stream. A second camera with AAC shows the
 * manifest naming both codecs, as players that take muxed segments whole (dash.js, Shaka, into one source buffer)
 * need. GStreamer's dashdemux would be a second client; the test machines have no GStreamer tools.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashEndToEndTest {

    private static final String MPD = Mpd.NAMESPACE;
    /** The simulator's clip: 25 frames a second, a keyframe every 2 s. */
    private static final int FRAMES_PER_SECOND = 25;

    private Path work;
    private CameraSimulator camera;
    private VigilHarness vigil;
    private String bearer;

    @BeforeAll
    void start() throws Exception {
        ExternalTools.require();
        work = Files.createTempDirectory("vigil-dash");
        Path clips = Path.of(System.getProperty("java.io.tmpdir"), "vigil-test-clips");
        Files.createDirectories(clips);
        Path withAudio = ExternalTools.clip(clips, false);
        Path videoOnly = ExternalTools.encodeOnce(
                clips.resolve("clip-h264-nobf.mp4"),
                List.of("ffmpeg", "-v", "error", "-y", "-i", withAudio.toString(), "-an", "-c", "copy"));
        camera = new CameraSimulator(Map.of("gate", videoOnly, "dock", withAudio), Map.of());
        vigil = new VigilHarness(work, Map.of());
        for (String id : List.of("gate", "dock")) {
            assertEquals(
                    201,
                    vigil.send("POST", "/api/cameras", "{\"id\": \"" + id + "\", \"url\": \"" + camera.url(id) + "\"}")
                            .statusCode());
        }
        bearer = vigil.adminBearer();
        // the session's first segment and five more: 10 s of one session, the range taking the last four (8 s)
        vigil.await(
                "six segments of one session (simulator: " + camera.output() + ")",
                Duration.ofSeconds(90),
                () -> session("gate").size() >= 6 && session("dock").size() >= 2);
    }

    @AfterAll
    void stop() throws Exception {
        if (vigil != null) {
            vigil.close();
        }
        if (camera != null) {
            camera.close();
        }
    }

    /** The stored segments of the camera's first recording session, oldest first. */
    private List<Segment> session(String cameraId) {
        List<Segment> all = vigil.context.getBean(SegmentIndex.class).newest(cameraId, 1000);
        return all.isEmpty()
                ? all
                : all.stream()
                        .filter(s -> s.sessionId().equals(all.get(0).sessionId()))
                        .toList();
    }

    @Test
    void ffmpegsDashClientPlaysARangeAsLongAsItsFootage() throws Exception {
        List<Segment> range = session("gate").subList(1, 5);
        Instant start = range.get(0).start();
        Instant end = range.get(range.size() - 1).end();
        long footageMillis = range.stream().mapToLong(Segment::durationMillis).sum();
        String path = "/api/cameras/gate/manifest.mpd?start=" + start + "&end=" + end;

        HttpResponse<String> answer = vigil.send("GET", path, null, bearer);
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(
                "application/dash+xml",
                answer.headers().firstValue("Content-Type").orElse(""));
        Document mpd = Mpd.parse(answer.body());
        assertEquals("static", mpd.getDocumentElement().getAttribute("type"));
        assertEquals(1, mpd.getElementsByTagNameNS(MPD, "Period").getLength(), answer.body());
        Element template =
                (Element) mpd.getElementsByTagNameNS(MPD, "SegmentTemplate").item(0);
        assertEquals("segments/$Number$.m4s", template.getAttribute("media"));
        assertEquals(Long.toString(range.get(0).sequence()), template.getAttribute("startNumber"));
        assertEquals("90000", template.getAttribute("timescale"));
        long firstDecodeTicks = decodeTicks(range.get(0).sequence());
        assertEquals(Long.toString(firstDecodeTicks), template.getAttribute("presentationTimeOffset"));
        List<long[]> timeline = Mpd.timeline(template);
        assertEquals(firstDecodeTicks, timeline.get(0)[0], "the first S@t is the first segment's decode time");
        assertEquals(range.size(), timeline.size(), "one S per segment: " + answer.body());
        assertEquals(
                footageMillis * 90,
                timeline.stream().mapToLong(s -> s[1]).sum(),
                "the timeline adds up to the index's durations (ms x 90 kHz)");
        assertEquals(
                "PT" + footageMillis / 1000 + "." + String.format("%03d", footageMillis % 1000) + "S",
                mpd.getDocumentElement().getAttribute("mediaPresentationDuration"));

        Path out = work.resolve("dash-range.mp4");
        // FFmpeg's DASH demuxer, told the format, sending the bearer token with the manifest and every segment
        List<String> ffmpeg = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y", "-f", "dash"));
        ffmpeg.addAll(List.of("-headers", "Authorization: " + bearer + "\r\n", "-i", vigil.base + path));
        ffmpeg.addAll(List.of("-c", "copy", out.toString()));
        ExternalTools.run(Duration.ofSeconds(60), ffmpeg);
        Map<String, String> video = probe(out, "v:0");
        assertEquals("h264", video.get("codec_name"), video.toString());
        double seconds = Double.parseDouble(video.get("duration"));
        assertTrue(
                Math.abs(seconds - footageMillis / 1000.0) < 1.0,
                "video of " + seconds + " s for " + footageMillis + " ms of footage");
        long frames = Long.parseLong(video.get("nb_frames"));
        long expectedFrames = Math.round(footageMillis * FRAMES_PER_SECOND / 1000.0);
        assertTrue(
                Math.abs(frames - expectedFrames) <= 1,
                frames + " frames for " + footageMillis + " ms at " + FRAMES_PER_SECOND + " fps");
        assertEquals(Map.of(), probe(out, "a:0"), "no audio");
        String decode = ExternalTools.run(
                Duration.ofSeconds(60), List.of("ffmpeg", "-v", "error", "-i", out.toString(), "-f", "null", "-"));
        assertEquals("", decode.strip(), "decodes cleanly");
        assertTrue(
                template.getParentNode() instanceof Element rep
                        && rep.getAttribute("codecs").matches("avc1\\.[0-9a-f]{6}"),
                "H.264 alone: " + answer.body());
    }

    @Test
    void aRepresentationWithMuxedAudioNamesBothCodecs() throws Exception {
        List<Segment> dock = session("dock");
        String path = "/api/cameras/dock/manifest.mpd?start=" + dock.get(0).start() + "&end="
                + dock.get(1).end();

        HttpResponse<String> answer = vigil.send("GET", path, null, bearer);

        assertEquals(200, answer.statusCode(), answer.body());
        Element representation = (Element) Mpd.parse(answer.body())
                .getElementsByTagNameNS(MPD, "Representation")
                .item(0);
        assertTrue(representation.getAttribute("codecs").matches("avc1\\.[0-9a-f]{6},mp4a\\.40\\.2"), answer.body());
    }

    @Test
    void theLiveManifestsPeriodStartsWithTheSessionAndStaysThere() throws Exception {
        int window = 6;
        Segment sessionStart = session("gate").get(0);
        vigil.await(
                "the live window slid past the session's first segment",
                Duration.ofSeconds(60),
                () -> session("gate").size() > window + 1);
        HttpResponse<String> before = vigil.send("GET", "/api/cameras/gate/live.mpd", null, bearer);
        assertEquals(200, before.statusCode(), before.body());
        long newestBefore = session("gate").get(session("gate").size() - 1).sequence();
        vigil.await(
                "a newer segment",
                Duration.ofSeconds(30),
                () -> session("gate").get(session("gate").size() - 1).sequence() > newestBefore);
        HttpResponse<String> after = vigil.send("GET", "/api/cameras/gate/live.mpd", null, bearer);

        for (HttpResponse<String> answer : List.of(before, after)) {
            Document mpd = Mpd.parse(answer.body());
            assertEquals("dynamic", mpd.getDocumentElement().getAttribute("type"));
            assertEquals("1970-01-01T00:00:00Z", mpd.getDocumentElement().getAttribute("availabilityStartTime"));
            Element period = (Element) mpd.getElementsByTagNameNS(MPD, "Period").item(0);
            long startMillis = sessionStart.start().toEpochMilli();
            assertEquals("p" + startMillis, period.getAttribute("id"), answer.body());
            Element template = (Element)
                    period.getElementsByTagNameNS(MPD, "SegmentTemplate").item(0);
            assertEquals(
                    Long.toString(decodeTicks(sessionStart.sequence())),
                    template.getAttribute("presentationTimeOffset"),
                    "the period's media time is the session's first segment's: " + answer.body());
            long firstListed = Long.parseLong(template.getAttribute("startNumber"));
            assertTrue(firstListed > sessionStart.sequence(), "that segment left the window: " + answer.body());
            assertEquals(
                    1,
                    mpd.getElementsByTagNameNS(MPD, "UTCTiming").getLength(),
                    "players learn the server's clock: " + answer.body());
        }
        assertTrue(!before.body().equals(after.body()), "the window moved on");
    }

    /** The first fragment's video decode time of a segment, read from its bytes as served. */
    private long decodeTicks(long sequence) throws Exception {
        HttpResponse<byte[]> segment = vigil.downloadAs("/api/cameras/gate/segments/" + sequence + ".m4s", bearer);
        assertEquals(200, segment.statusCode());
        return Fragments.decodeTimes(segment.body()).get(1L);
    }

    /** ffprobe's key=value lines of one stream ({@code v:0}, {@code a:0}), frames counted by reading the packets. */
    private static Map<String, String> probe(Path file, String stream) throws Exception {
        String text = ExternalTools.run(
                Duration.ofSeconds(30),
                List.of(
                        "ffprobe",
                        "-v",
                        "error",
                        "-select_streams",
                        stream,
                        "-show_entries",
                        "stream=codec_name,duration,nb_frames",
                        "-of",
                        "default=nw=1",
                        file.toString()));
        Map<String, String> values = new HashMap<>();
        text.lines().map(l -> l.split("=", 2)).filter(kv -> kv.length == 2).forEach(kv -> values.put(kv[0], kv[1]));
        return values;
    }
}
