package io.vigil.playback.clip;

import io.micronaut.scheduling.TaskExecutors;
import io.netty.buffer.ByteBuf;
import io.vigil.archive.index.Segment;
import io.vigil.archive.read.ArchiveReader;
import io.vigil.archive.read.SegmentBytes;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.TimeRange;
import io.vigil.media.mp4.Fragments;
import io.vigil.playback.PlaybackConfig;
import io.vigil.playback.SpanAssembler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

/**
 * Assembles one MP4 file (fragmented, so it streams) of a camera's recording over a range: from the
 * keyframe at or before the start to the end of the segment holding the end, audio included, gaps
 * kept as gaps and listed in the file's comment.
 */
@Singleton
public class ClipExporter {

    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final ArchiveReader archive;
    private final SegmentBytes bytes;
    private final PlaybackConfig config;
    private final ExecutorService fetcher;
    private final ClipBuffers buffers;

    /** @param fetcher where segments are fetched ahead (Micronaut's IO pool: it grows, so a waiting export never starves it) */
    public ClipExporter(
            ArchiveReader archive,
            SegmentBytes bytes,
            PlaybackConfig config,
            @Named(TaskExecutors.IO) ExecutorService fetcher,
            ClipBuffers buffers) {
        this.archive = archive;
        this.bytes = bytes;
        this.config = config;
        this.fetcher = fetcher;
        this.buffers = buffers;
    }

    /**
     * A clip ready to stream.
     *
     * @param fileName  suggested file name, camera and range in it
     * @param gaps      parts of the range with no recording
     * @param segments  the segments it holds, in order
     * @param content   the MP4 bytes, produced while read; the caller closes it
     */
    public record Clip(String fileName, List<TimeRange> gaps, List<Segment> segments, ClipStream content) {}

    public Clip export(String cameraId, TimeRange range) {
        if (Duration.between(range.start(), range.end()).compareTo(config.maxClipRange()) > 0) {
            throw new VigilException(
                    ErrorCode.INVALID_RANGE,
                    "a clip may cover at most " + config.maxClipRange().toHours()
                            + " h (vigil.playback.max-clip-range)");
        }
        List<Segment> segments = archive.clip(cameraId, range);
        if (segments.isEmpty()) {
            throw new VigilException(
                    ErrorCode.NO_RECORDINGS,
                    "camera " + cameraId + " recorded nothing between " + range.start() + " and " + range.end());
        }
        String initKey = segments.get(0).initKey();
        byte[] init = readInit(cameraId, initKey);
        requireOneFormat(cameraId, segments, Fragments.sampleDescriptions(init));
        SpanAssembler spans = new SpanAssembler(
                range.start(), range.end(), config.gapTolerance().toMillis());
        segments.forEach(
                s -> spans.add(s.sessionId(), s.start().toEpochMilli(), s.end().toEpochMilli()));
        List<TimeRange> gaps = spans.gaps();
        String comment = "Vigil clip of camera " + cameraId + " for [" + range.start() + ", " + range.end() + "); "
                + (gaps.isEmpty()
                        ? "no gaps"
                        : "gaps: "
                                + gaps.stream()
                                        .map(g -> g.start() + "/" + g.end())
                                        .collect(Collectors.joining(", ")));
        ClipStream content = new ClipStream(
                (s, target) -> bytes.readInto(archive.locate(s), target),
                Fragments.withComment(init, comment),
                segments,
                Fragments.timescales(init),
                fetcher,
                config.clipReadAhead(),
                buffers);
        String fileName =
                cameraId + "_" + FILE_TIME.format(range.start()) + "_" + FILE_TIME.format(range.end()) + ".mp4";
        return new Clip(fileName, gaps, List.copyOf(segments), content);
    }

    /**
     * The manifest of the clip {@link #export} gives for the same range: assembles the clip once, hashing it
     * as it goes (nothing is kept), and lists its segments with the SHA-256 each had when it was recorded.
     */
    public ClipManifest manifest(String cameraId, TimeRange range) {
        Clip clip = export(cameraId, range);
        MessageDigest sha256 = io.vigil.kernel.Sha256.digest();
        long sizeBytes = 0;
        try (ClipStream content = clip.content()) {
            for (ByteBuf part; (part = content.nextPart()) != null; ) {
                try {
                    sizeBytes += part.readableBytes();
                    sha256.update(part.nioBuffer());
                } finally {
                    part.release();
                }
            }
        } catch (IOException e) {
            throw new VigilException(
                    ErrorCode.STORAGE_UNAVAILABLE, "cannot read the clip to hash it: " + e.getMessage(), e);
        }
        return manifestOf(cameraId, range, clip, java.util.HexFormat.of().formatHex(sha256.digest()), sizeBytes);
    }

    /** The manifest of {@code clip}, whose bytes (read by the caller) had this SHA-256 and size. */
    static ClipManifest manifestOf(String cameraId, TimeRange range, Clip clip, String sha256Hex, long sizeBytes) {
        List<ClipManifest.Entry> entries = clip.segments().stream()
                .map(s -> new ClipManifest.Entry(s.sequence(), s.start(), s.durationMillis(), s.sha256()))
                .toList();
        return new ClipManifest(
                cameraId, range.start(), range.end(), clip.fileName(), entries, clip.gaps(), sha256Hex, sizeBytes);
    }

    /** Sessions may bring their own init segment; one file can hold them only if they describe the same codecs. */
    private void requireOneFormat(String cameraId, List<Segment> segments, String format) {
        java.util.Set<String> checked =
                new java.util.HashSet<>(List.of(segments.get(0).initKey()));
        for (Segment s : segments) {
            if (checked.add(s.initKey())
                    && !Fragments.sampleDescriptions(readInit(cameraId, s.initKey()))
                            .equals(format)) {
                throw new VigilException(
                        ErrorCode.FORMAT_CHANGE,
                        "the camera's codec parameters change at " + s.start() + "; export up to or from that time");
            }
        }
    }

    private byte[] readInit(String cameraId, String initKey) {
        return bytes.readAll(archive.initSegment(cameraId, initKey)
                .orElseThrow(() ->
                        new VigilException(ErrorCode.SEGMENT_NOT_FOUND, "init segment " + initKey + " is missing")));
    }
}
