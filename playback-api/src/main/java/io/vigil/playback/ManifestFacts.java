package io.vigil.playback;

import io.vigil.archive.index.ListedSegment;
import io.vigil.archive.index.RecordingSpan;
import io.vigil.archive.read.ArchiveReader;
import io.vigil.archive.read.SegmentBytes;
import io.vigil.archive.read.SegmentLocation;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.StreamKey;
import io.vigil.kernel.StreamName;
import io.vigil.kernel.TimeRange;
import io.vigil.media.MediaException;
import io.vigil.media.mp4.AacObjectType;
import io.vigil.media.mp4.Fragments;
import io.vigil.media.mp4.VideoSize;
import io.vigil.media.mp4.VideoTiming;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a DASH manifest must learn from the archive beyond a listing (the I/O shell around {@link DashManifest}): where
 * a run of segments sits on its media timeline ({@link MediaAnchor}: a segment's {@code tfdt}, read from the start of
 * its bytes, in its init segment's video timescale), the codecs recorded with an init segment, and a stream's bit
 * rate from a sample of its segments' sizes. Segments and init segments never change under their number and key, so
 * anchors and timings are kept in small bounded caches: a live manifest reloaded every two seconds reads no bytes
 * again.
 */
@Singleton
public class ManifestFacts {

    /** A segment's first {@code moof} is at its start and far smaller than this; the rest is media data. */
    static final int HEAD_BYTES = 64 * 1024;
    /** Segments whose sizes a bit rate is measured from, spread over the listing. */
    static final int BANDWIDTH_SAMPLE = 16;

    private static final int CACHED = 1024;

    private final ArchiveReader archive;
    private final SegmentBytes bytes;
    private final Map<String, MediaAnchor> anchors = bounded();
    private final Map<String, InitFacts> inits = bounded();

    /** What a manifest reads of an init segment: its video track's timing, its AAC object type if it has audio. */
    private record InitFacts(VideoTiming timing, Optional<Integer> aacObjectType, Optional<VideoSize> size) {}

    public ManifestFacts(ArchiveReader archive, SegmentBytes bytes) {
        this.archive = archive;
        this.bytes = bytes;
    }

    /** The {@link MediaAnchor.Lookup} of one camera: each stream's runs anchored in that stream's segments. */
    public MediaAnchor.Lookup anchors(String cameraId) {
        return (stream, first, mayHaveBegunEarlier) -> {
            String key =
                    StreamKey.of(cameraId, StreamName.require("stream", stream)).value();
            ListedSegment anchor = mayHaveBegunEarlier ? runStart(key, first) : first;
            return anchor(key, anchor.sequence(), anchor.startMillis(), anchor.initKey());
        };
    }

    /**
     * The first segment of the recorded span {@code first} is in, when it is of the same session and init segment
     * (it began the run the live window shows the rest of); else {@code first} itself.
     */
    private ListedSegment runStart(String cameraId, ListedSegment first) {
        Instant at = Instant.ofEpochMilli(first.startMillis());
        Optional<RecordingSpan> span = archive.spans(cameraId, new TimeRange(at, at.plusMillis(1))).stream()
                .filter(s -> s.sessionId().equals(first.sessionId()) && s.firstSequence() < first.sequence())
                .findFirst();
        return span.flatMap(s -> archive.find(cameraId, s.firstSequence()))
                .filter(s -> s.sessionId().equals(first.sessionId())
                        && s.initKey().equals(first.initKey())
                        && s.start().toEpochMilli() <= first.startMillis())
                .map(ListedSegment::of)
                .orElse(first);
    }

    private MediaAnchor anchor(String cameraId, long sequence, long startMillis, String initKey) {
        String key = cameraId + "/" + sequence;
        synchronized (anchors) {
            MediaAnchor known = anchors.get(key);
            if (known != null) {
                return known;
            }
        }
        VideoTiming timing = init(cameraId, initKey).timing();
        SegmentLocation location = archive.segment(cameraId, sequence)
                .orElseThrow(() -> new VigilException(
                        ErrorCode.SEGMENT_NOT_FOUND, "camera " + cameraId + " has no segment " + sequence));
        ByteBuffer head = ByteBuffer.allocate((int) Math.min(location.sizeBytes(), HEAD_BYTES));
        bytes.readInto(location, head);
        Long decodeTicks;
        try {
            decodeTicks = Fragments.decodeTimes(java.util.Arrays.copyOf(head.array(), head.position()))
                    .get(timing.trackId());
        } catch (MediaException e) {
            throw unreadable("segment " + sequence, cameraId, e.getMessage());
        }
        if (decodeTicks == null || decodeTicks < 0) {
            throw unreadable("segment " + sequence, cameraId, "no decode time of its video track");
        }
        MediaAnchor anchor = new MediaAnchor(startMillis, decodeTicks, timing.timescale());
        synchronized (anchors) {
            anchors.put(key, anchor);
        }
        return anchor;
    }

    private InitFacts init(String cameraId, String initKey) {
        synchronized (inits) {
            InitFacts known = inits.get(initKey);
            if (known != null) {
                return known;
            }
        }
        SegmentLocation location = archive.initSegment(cameraId, initKey)
                .orElseThrow(() -> new VigilException(
                        ErrorCode.SEGMENT_NOT_FOUND, "camera " + cameraId + " has no init segment " + initKey));
        InitFacts facts;
        try {
            byte[] init = bytes.readAll(location);
            facts = new InitFacts(
                    VideoTiming.of(init)
                            .orElseThrow(() -> unreadable("init segment " + initKey, cameraId, "no video track")),
                    AacObjectType.of(init),
                    VideoSize.of(init));
        } catch (MediaException e) {
            throw unreadable("init segment " + initKey, cameraId, e.getMessage());
        }
        synchronized (inits) {
            inits.put(initKey, facts);
        }
        return facts;
    }

    /**
     * The RFC 6381 codecs of the init segment of the listing's newest segment: the video codec recorded with it, and
     * {@code mp4a.40.}<i>object type</i> read from its {@code esds} when it has AAC audio (until V24 the native engine
     * recorded {@code mp4a.40.3} for AAC-LC, one more than its object type: the bytes are the authority).
     */
    public String codecs(String cameraId, List<ListedSegment> segments) {
        String initKey = segments.get(segments.size() - 1).initKey();
        String recorded = archive.initCodecs(cameraId, initKey)
                .orElseThrow(() -> new VigilException(
                        ErrorCode.SEGMENT_NOT_FOUND, "camera " + cameraId + " has no init segment " + initKey));
        List<String> codecs = new ArrayList<>(Arrays.stream(recorded.split(","))
                .filter(c -> !c.startsWith("mp4a."))
                .toList());
        init(cameraId, initKey).aacObjectType().ifPresent(type -> codecs.add("mp4a.40." + type));
        return String.join(",", codecs);
    }

    /** The picture size of the init segment of the listing's newest segment, as its video track states it. */
    public Optional<VideoSize> size(String cameraId, List<ListedSegment> segments) {
        return init(cameraId, segments.get(segments.size() - 1).initKey()).size();
    }

    /**
     * The bit rates of up to {@link #BANDWIDTH_SAMPLE} of the listing's segments, spread over it from its first to
     * its last (a day's listing is not read row by row for an attribute).
     */
    public Bandwidth bandwidth(String cameraId, List<ListedSegment> segments) {
        List<SizedSegment> sample = new ArrayList<>();
        int n = Math.min(BANDWIDTH_SAMPLE, segments.size());
        for (int i = 0; i < n; i++) {
            int index = n == 1 ? 0 : (int) ((long) i * (segments.size() - 1) / (n - 1));
            archive.find(cameraId, segments.get(index).sequence())
                    .map(s -> new SizedSegment(s.durationMillis(), s.sizeBytes()))
                    .ifPresent(sample::add);
        }
        if (sample.isEmpty()) {
            throw new VigilException(ErrorCode.SEGMENT_NOT_FOUND, "camera " + cameraId + "'s segments are gone");
        }
        return Bandwidth.measure(sample);
    }

    private static VigilException unreadable(String what, String cameraId, String why) {
        return new VigilException(
                ErrorCode.INTERNAL, "camera " + cameraId + "'s " + what + " is not fMP4 a manifest can read: " + why);
    }

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > CACHED;
            }
        };
    }
}
