package io.vigil.archive.read;

import io.vigil.archive.index.InitSegment;
import io.vigil.archive.index.ListedSegment;
import io.vigil.archive.index.MinuteTotal;
import io.vigil.archive.index.RecordingSpan;
import io.vigil.archive.index.RecordingSpans;
import io.vigil.archive.index.Segment;
import io.vigil.archive.index.SegmentIndex;
import io.vigil.archive.index.SegmentSize;
import io.vigil.archive.index.SegmentsByTime;
import io.vigil.archive.spool.SegmentSpool;
import io.vigil.archive.spool.SpooledSegment;
import io.vigil.kernel.TimeRange;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The archive's one read face: every viewing path (live and ranged playlists, segment URLs, segments, clips,
 * snapshots, the timeline, the audit log's segment lookups) asks here, and gets segments from the index already
 * merged with those still waiting in the spool, so live viewing keeps working while the object store is down.
 * The index and the spool are the archive's own business; their bytes come from {@link SegmentBytes}.
 */
@Singleton
public class ArchiveReader {

    private final SegmentIndex index;
    private final SegmentsByTime byTime;
    private final RecordingSpans spans;
    private final SegmentSpool spool;

    public ArchiveReader(SegmentIndex index, RecordingSpans spans, SegmentSpool spool) {
        this.index = index;
        this.byTime = index.byTime();
        this.spans = spans;
        this.spool = spool;
    }

    /** The live window of at most {@code count} newest segments, stored or spooled. See {@link LiveWindow}. */
    public LiveWindow live(String cameraId, int count) {
        List<SpooledSegment> spooled = spool.pending(cameraId);
        TreeMap<Long, ListedSegment> bySequence = new TreeMap<>();
        index.newest(cameraId, count).forEach(s -> bySequence.put(s.sequence(), ListedSegment.of(s)));
        spooled.forEach(s -> bySequence.put(s.segment().sequence(), ListedSegment.of(s.segment())));
        List<ListedSegment> all = new ArrayList<>(bySequence.values());
        List<ListedSegment> window = LiveWindow.afterLastJump(all.subList(Math.max(0, all.size() - count), all.size()));
        long discontinuitySequence = window.isEmpty() ? 0 : byTime.sessionsBefore(cameraId, window.get(0));
        return new LiveWindow(listing(cameraId, window, spooled), discontinuitySequence);
    }

    /**
     * The camera's segments overlapping {@code range}, oldest first. A listing {@code followingLive} (an
     * {@code EVENT} playlist reaching into live) adds the segments still in the spool after the indexed ones.
     */
    public Listing range(String cameraId, TimeRange range, boolean followingLive) {
        List<ListedSegment> indexed = byTime.listed(cameraId, range.start(), range.end());
        List<SpooledSegment> spooled = spool.pending(cameraId);
        if (!followingLive || spooled.isEmpty()) {
            return listing(cameraId, indexed, spooled);
        }
        long lastIndexed =
                indexed.isEmpty() ? -1 : indexed.get(indexed.size() - 1).sequence();
        List<ListedSegment> all = new ArrayList<>(indexed);
        spooled.stream()
                .map(SpooledSegment::segment)
                .filter(s -> s.sequence() > lastIndexed && s.end().isAfter(range.start()))
                .forEach(s -> all.add(ListedSegment.of(s)));
        return listing(cameraId, all, spooled);
    }

    /** Object keys of a listing's segments in the store (a spooled one's is not there yet): one query. */
    public Map<Long, String> objectKeys(Listing listing) {
        if (listing.isEmpty()) {
            return Map.of();
        }
        List<ListedSegment> segments = listing.segments();
        Map<Long, String> keys = byTime.objectKeys(
                listing.cameraId(),
                segments.get(0).sequence(),
                segments.get(segments.size() - 1).sequence());
        keys.keySet().removeAll(listing.spooledSequences());
        return keys;
    }

    /** The camera's recorded spans overlapping {@code range}: the timeline, from the span table alone. */
    public List<RecordingSpan> spans(String cameraId, TimeRange range) {
        return spans.overlapping(cameraId, range.start(), range.end());
    }

    /**
     * The stream's stored segments overlapping {@code range}, oldest first, with their sizes: what an activity series
     * of a short range reads. Index only: a segment still in the spool counts once it is stored.
     */
    public List<SegmentSize> sized(String cameraId, TimeRange range) {
        return byTime.sizes(cameraId, range.start(), range.end());
    }

    /**
     * The stream's minute totals (bytes, footage, segments per UTC minute) of the minutes beginning in {@code range}
     * or holding its start, oldest first, from the {@code segment_minute} table alone: what an activity series of a
     * long range, and a stream's recent median bit rate, read. Index only, as {@link #sized}.
     */
    public List<MinuteTotal> minutes(String cameraId, TimeRange range) {
        return index.minutes().between(cameraId, range.start(), range.end());
    }

    /**
     * What each stream holds (bytes, footage, oldest minute), keyed by stream key, from the {@code segment_minute}
     * table in one aggregate: the cameras page's storage column. Index only, as {@link #sized}.
     */
    public Map<String, StoredFootage> storedFootage() {
        return index.minutes().storedFootage();
    }

    /**
     * The stored segments a clip of {@code range} holds, oldest first: those overlapping it, led by the
     * segments back to the keyframe the first one needs.
     */
    public List<Segment> clip(String cameraId, TimeRange range) {
        List<Segment> overlapping = byTime.overlapping(cameraId, range.start(), range.end());
        if (overlapping.isEmpty()) {
            return List.of();
        }
        List<Segment> segments = new ArrayList<>(fromKeyframe(overlapping.get(0)));
        segments.addAll(overlapping.subList(1, overlapping.size()));
        return segments;
    }

    /**
     * What a decoder needs for the frame at {@code at} (the newest frame if null, stored or spooled): the
     * segments from the keyframe-started one at or before it through the one holding it; empty if none does.
     */
    public List<Segment> upTo(String cameraId, Instant at) {
        Optional<Segment> holder = at == null
                ? newest(cameraId)
                : byTime.overlapping(cameraId, at, at.plusMillis(1)).stream().findFirst();
        return holder.map(this::fromKeyframe).orElse(List.of());
    }

    /** The camera's newest segment, stored or spooled. */
    public Optional<Segment> newest(String cameraId) {
        Optional<Segment> spooled =
                spool.pending(cameraId).stream().map(SpooledSegment::segment).reduce((a, b) -> b);
        Optional<Segment> stored = index.newest(cameraId, 1).stream().findFirst();
        return stored.isPresent() && spooled.isPresent()
                ? Optional.of(stored.get().sequence() > spooled.get().sequence() ? stored.get() : spooled.get())
                : stored.or(() -> spooled);
    }

    /** A segment's row, from the index or, not yet uploaded, the spool. */
    public Optional<Segment> find(String cameraId, long sequence) {
        return index.find(cameraId, sequence)
                .or(() -> spool.find(cameraId, sequence).map(SpooledSegment::segment));
    }

    /** Where a segment's bytes are, by its number. */
    public Optional<SegmentLocation> segment(String cameraId, long sequence) {
        return index.find(cameraId, sequence)
                .map(s -> SegmentLocation.stored(s.objectKey(), s.sizeBytes()))
                .or(() -> spool.find(cameraId, sequence)
                        .map(s -> SegmentLocation.spooled(
                                s.segment().objectKey(), s.segment().sizeBytes(), s.mediaFile())));
    }

    /** Where the bytes of a segment already in hand are: the spool if it is still there, else the store. */
    public SegmentLocation locate(Segment s) {
        return spool.find(s.cameraId(), s.sequence())
                .map(sp -> SegmentLocation.spooled(s.objectKey(), s.sizeBytes(), sp.mediaFile()))
                .orElseGet(() -> SegmentLocation.stored(s.objectKey(), s.sizeBytes()));
    }

    /** Where an init segment's bytes are: indexed, or still in the spool with the camera's segments. */
    public Optional<SegmentLocation> initSegment(String cameraId, String initKey) {
        Optional<InitSegment> indexed = index.initSegments().find(initKey);
        if (indexed.isPresent()) {
            return Optional.of(SegmentLocation.stored(initKey, indexed.get().sizeBytes()));
        }
        return spool.initFile(cameraId, initKey).flatMap(f -> {
            try {
                return Optional.of(SegmentLocation.spooled(initKey, Files.size(f), f));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    /** The RFC 6381 codecs recorded with an init segment ({@code avc1.64001f,mp4a.40.2}): indexed, or still spooled. */
    public Optional<String> initCodecs(String cameraId, String initKey) {
        return index.initSegments()
                .find(initKey)
                .map(InitSegment::codecs)
                .or(() -> spool.pending(cameraId).stream()
                        .filter(s -> s.segment().initKey().equals(initKey))
                        .map(SpooledSegment::codecs)
                        .findFirst());
    }

    /** Back to the keyframe-started segment at or before {@code s} in its session, oldest first, ending with it. */
    private List<Segment> fromKeyframe(Segment s) {
        List<Segment> newestFirst = new ArrayList<>(List.of(s));
        for (Segment first = s; !first.keyframeStart(); ) {
            Optional<Segment> previous = find(s.cameraId(), first.sequence() - 1)
                    .filter(p -> p.sessionId().equals(s.sessionId()));
            if (previous.isEmpty()) {
                break;
            }
            first = previous.get();
            newestFirst.add(first);
        }
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private static Listing listing(String cameraId, List<ListedSegment> segments, List<SpooledSegment> spooled) {
        Set<Long> spooledSequences =
                spooled.stream().map(s -> s.segment().sequence()).collect(Collectors.toSet());
        Set<String> spooledInits =
                spooled.stream().map(s -> s.segment().initKey()).collect(Collectors.toSet());
        return new Listing(cameraId, segments, spooledSequences, spooledInits);
    }
}
