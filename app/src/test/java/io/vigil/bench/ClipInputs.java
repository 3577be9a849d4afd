package io.vigil.bench;

import io.vigil.archive.ObjectKeys;
import io.vigil.archive.SegmentMetadata;
import io.vigil.archive.index.InitSegment;
import io.vigil.archive.index.RecordingSession;
import io.vigil.archive.index.Segment;
import io.vigil.archive.index.SegmentIndex;
import io.vigil.archive.store.ObjectStore;
import io.vigil.kernel.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The recording {@link ClipBench} and {@link IncidentBench} export, made with ffmpeg and cached so reruns start quickly: a
 * 60 s 1080p25 H.264 clip at about 4 Mbit/s (2 s GOP, fixed, so every segment starts on a keyframe)
 * with AAC audio, looped without re-encoding into {@code minutes} of 2 s fMP4 HLS segments.
 *
 * @param directory where {@code init.mp4}, the {@code seg*.m4s} files and {@code index.m3u8} are
 * @param segments  media segment file names and durations, in playlist order
 */
record ClipInputs(Path directory, List<Part> segments) {

    /** One media segment file and its duration from the playlist's {@code EXTINF}. */
    record Part(String fileName, long durationMillis) {}

    static final int CLIP_SECONDS = 60;

    Path init() {
        return directory.resolve("init.mp4");
    }

    long totalBytes() throws IOException {
        long total = Files.size(init());
        for (Part p : segments) {
            total += Files.size(directory.resolve(p.fileName()));
        }
        return total;
    }

    long totalMillis() {
        return segments.stream().mapToLong(Part::durationMillis).sum();
    }

    /**
     * Stores init and media segments as the recorder would (object, then row) under {@code camera}: one session, 2 s
     * segments one after the other from {@code start}. Returns the end of the last one.
     */
    Instant store(ObjectStore store, SegmentIndex index, String camera, Instant start) throws IOException {
        String codecs = "avc1.640028,mp4a.40.2";
        byte[] init = Files.readAllBytes(init());
        String initKey = ObjectKeys.initSegment(camera, Sha256.of(init));
        store.put(initKey, init, "video/mp4", Map.of("vigil-camera", camera, "vigil-codecs", codecs));
        index.initSegments().add(new InitSegment(initKey, camera, init.length, codecs, start));
        String session = UUID.nameUUIDFromBytes(("bench " + camera).getBytes(StandardCharsets.UTF_8))
                .toString();
        index.sessions().open(new RecordingSession(session, camera, start, "h264", "aac"));
        Instant t = start;
        long sequence = 0;
        for (Part part : segments) {
            byte[] media = Files.readAllBytes(directory.resolve(part.fileName()));
            Segment s = new Segment(
                    camera,
                    sequence,
                    session,
                    t,
                    (int) part.durationMillis(),
                    media.length,
                    ObjectKeys.mediaSegment(camera, t, sequence),
                    initKey,
                    true,
                    Sha256.hex(Sha256.of(media)));
            store.put(s.objectKey(), media, "video/iso.segment", SegmentMetadata.of(s));
            index.add(s);
            t = s.end();
            sequence++;
        }
        return t;
    }

    /** The inputs for {@code minutes} of recording under {@code cache}, made unless already there. */
    static ClipInputs prepare(Path cache, int minutes) throws Exception {
        Path dir = cache.resolve(minutes + "min");
        Path playlist = dir.resolve("index.m3u8");
        if (!Files.exists(dir.resolve("complete"))) {
            Files.createDirectories(dir);
            Path clip = cache.resolve("source-" + CLIP_SECONDS + "s.mp4");
            if (!Files.exists(clip)) {
                Path partial = cache.resolve("source.partial.mp4");
                ffmpeg(
                        cache,
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc2=size=1920x1080:rate=25",
                        "-f",
                        "lavfi",
                        "-i",
                        "sine=frequency=440:sample_rate=48000",
                        "-t",
                        Integer.toString(CLIP_SECONDS),
                        // Noise keeps the encoder at its bit rate: plain testsrc2 compresses far below 4 Mbit/s.
                        "-vf",
                        "noise=alls=12:allf=t",
                        "-c:v",
                        "libx264",
                        "-preset",
                        "ultrafast",
                        "-g",
                        "50",
                        "-keyint_min",
                        "50",
                        "-sc_threshold",
                        "0",
                        "-b:v",
                        "4M",
                        "-maxrate",
                        "4M",
                        "-bufsize",
                        "8M",
                        "-pix_fmt",
                        "yuv420p",
                        "-c:a",
                        "aac",
                        "-b:a",
                        "128k",
                        partial.toString());
                Files.move(partial, clip);
            }
            ffmpeg(
                    dir,
                    "-stream_loop",
                    Integer.toString(minutes * 60 / CLIP_SECONDS - 1),
                    "-i",
                    clip.toString(),
                    "-c",
                    "copy",
                    "-f",
                    "hls",
                    "-hls_time",
                    "2",
                    "-hls_segment_type",
                    "fmp4",
                    "-hls_playlist_type",
                    "vod",
                    "-hls_fmp4_init_filename",
                    "init.mp4",
                    "-hls_segment_filename",
                    "seg%05d.m4s",
                    "index.m3u8");
            Files.writeString(dir.resolve("complete"), "");
        }
        List<Part> parts = new ArrayList<>();
        long pendingMillis = -1;
        for (String line : Files.readAllLines(playlist)) {
            if (line.startsWith("#EXTINF:")) {
                pendingMillis = Math.round(Double.parseDouble(line.substring(8, line.indexOf(','))) * 1000);
            } else if (!line.isBlank() && !line.startsWith("#")) {
                parts.add(new Part(line.trim(), pendingMillis));
            }
        }
        return new ClipInputs(dir, parts);
    }

    private static void ffmpeg(Path workDir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .inheritIO()
                .start();
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("ffmpeg failed: " + command);
        }
    }
}
