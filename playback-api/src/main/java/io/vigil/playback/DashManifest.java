package io.vigil.playback;

import io.vigil.archive.index.ListedSegment;
import io.vigil.kernel.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * Writes MPEG-DASH manifests (MPD, ISO/IEC 23009-1, DASH-IF IOP, profile {@code isoff-live}) over the very fMP4 init
 * and media segments the HLS playlists list: one {@code SegmentTemplate} with {@code $Number$} (the segments' sequence
 * numbers) and a {@code SegmentTimeline} per Representation, one Representation per stream (main, sub) in one video
 * AdaptationSet. Pure: streams in, text out; what it must know of the media comes through {@link MediaAnchor}.
 *
 * <p><b>Periods</b>: see {@link DashPeriods}: one where a run of segments begins (a new session, init segment or
 * numbering, or after a gap), aligned across streams. A static manifest's periods start relative to its first
 * period's start, where its footage begins (a listing's first segment may begin before the requested range, so the
 * range's start cannot be time zero; of streams cut by the range's start, the latest first segment's start), and it
 * lasts until its footage ends (of streams cut by the range's end, the earliest last segment's end); a live
 * manifest's {@code availabilityStartTime} is 1970-01-01T00:00:00Z, so
 * a period's start is its wall-clock time and never depends on which segments a window lists: a period keeps its
 * start and id from one update to the next, as players require, while its oldest segments leave the time-shift buffer.
 *
 * <p><b>Timing</b>: every Representation counts in its video track's own timescale ({@code mdhd}, 90 kHz), not in
 * milliseconds. Players map a period's timeline onto the media's decode times ({@code tfdt}) through {@code
 * presentationTimeOffset}; with the media's timescale that offset is the decode time itself, exact to the tick (a
 * millisecond timescale would round it, and every segment's duration, which at 29.97 fps are not whole milliseconds).
 * The offset is the run's anchor (a segment's decode time read from its bytes) moved to the period's start, and each
 * segment's {@code S@t} is the anchor moved to that segment's wall-clock start: within a recording session Vigil dates
 * segments by stream time, so wall-clock and decode-time differences agree but for a millisecond's rounding, and each
 * {@code S@d} runs to the next segment's {@code S@t}, so a run's timeline has neither holes nor overlaps and equal
 * durations become one {@code S} with {@code r}.
 *
 * <p><b>Audio</b> is muxed into the same segments (track 2): the Representation's {@code codecs} names both tracks
 * (e.g. {@code avc1.64001f,mp4a.40.2}) in a {@code contentType="video"} AdaptationSet. DASH-IF prefers one
 * AdaptationSet per media type, which would need a second copy of every segment; multiplexed Representations are legal
 * DASH, for players that hand such segments whole to one source buffer. FFmpeg's DASH demuxer is not one of them: it
 * gives a Representation one stream, and muxed audio packets land in the video stream.
 */
public final class DashManifest {

    static final String NAMESPACE = "urn:mpeg:dash:schema:mpd:2011";
    static final String PROFILE = "urn:mpeg:dash:profile:isoff-live:2011";

    private DashManifest() {}

    /**
     * A static manifest ({@code type="static"}) of a finished range: every segment overlapping it, the streams cut by
     * the range's start beginning together and those cut by its end ending together ({@link DashPeriods}).
     *
     * @param streams            main (first) and maybe sub, with every segment overlapping the range
     * @param range              the range asked for
     * @param gapToleranceMillis a longer pause between two segments ends a run, as it is a discontinuity in HLS
     * @param minBufferMillis    {@code minBufferTime}: what a player buffers before it plays (the segment target)
     */
    public static String ofRange(
            List<DashStream> streams,
            TimeRange range,
            long gapToleranceMillis,
            long minBufferMillis,
            MediaAnchor.Lookup anchors) {
        long rangeEnd = range.end().toEpochMilli();
        List<DashPeriods.Period> periods =
                DashPeriods.plan(streams, range.start().toEpochMilli(), rangeEnd, gapToleranceMillis, false, anchors);
        requireFootage(periods);
        long zero = periods.get(0).startMillis();
        long end = DashPeriods.end(streams, rangeEnd);
        StringBuilder out = mpd(streams, minBufferMillis)
                .append(" type=\"static\" mediaPresentationDuration=\"")
                .append(duration(end - zero))
                .append("\">\n");
        periods.forEach(p -> DashRepresentations.appendPeriod(out, p, zero));
        return out.append("</MPD>\n").toString();
    }

    /**
     * A live manifest ({@code type="dynamic"}) of the newest segments, which players reload every {@code
     * minimumUpdatePeriod}.
     *
     * @param streams main (first) and maybe sub, each with the segments of its live window
     */
    public static String live(
            List<DashStream> streams,
            long gapToleranceMillis,
            long minBufferMillis,
            Live live,
            MediaAnchor.Lookup anchors) {
        List<DashPeriods.Period> periods = DashPeriods.plan(streams, gapToleranceMillis, true, anchors);
        requireFootage(periods);
        StringBuilder out = mpd(streams, minBufferMillis)
                .append(" type=\"dynamic\" availabilityStartTime=\"1970-01-01T00:00:00Z\" publishTime=\"")
                .append(DateTimeFormatter.ISO_INSTANT.format(live.publishTime()))
                .append("\" minimumUpdatePeriod=\"")
                .append(duration(live.minimumUpdatePeriod().toMillis()))
                .append("\" timeShiftBufferDepth=\"")
                .append(duration(live.timeShiftBufferDepth().toMillis()))
                .append("\" suggestedPresentationDelay=\"")
                .append(duration(live.suggestedPresentationDelay().toMillis()))
                .append("\">\n");
        periods.forEach(p -> DashRepresentations.appendPeriod(out, p, 0));
        out.append("  <UTCTiming schemeIdUri=\"")
                .append(DashRepresentations.escape(live.utcTiming().schemeIdUri()))
                .append("\" value=\"")
                .append(DashRepresentations.escape(live.utcTiming().value()))
                .append("\"/>\n");
        return out.append("</MPD>\n").toString();
    }

    private static void requireFootage(List<DashPeriods.Period> periods) {
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("a manifest needs at least one segment");
        }
    }

    private static StringBuilder mpd(List<DashStream> streams, long minBufferMillis) {
        int longest = streams.stream()
                .flatMap(s -> s.segments().stream())
                .mapToInt(ListedSegment::durationMillis)
                .max()
                .orElse(0);
        return new StringBuilder(1024)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<MPD xmlns=\"")
                .append(NAMESPACE)
                .append("\" profiles=\"")
                .append(PROFILE)
                .append("\" minBufferTime=\"")
                .append(duration(minBufferMillis))
                .append("\" maxSegmentDuration=\"")
                .append(duration(longest))
                .append('"');
    }

    /** An {@code xs:duration} of whole milliseconds: {@code PT8.000S}. */
    static String duration(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("a duration must be >= 0, was " + millis + " ms");
        }
        long fraction = millis % 1000;
        return "PT" + millis / 1000 + "." + (fraction < 100 ? (fraction < 10 ? "00" : "0") : "") + fraction + "S";
    }

    /**
     * What a live manifest says beyond its segments.
     *
     * @param publishTime                when this manifest was made
     * @param minimumUpdatePeriod        how often a player reloads it (the segment target)
     * @param timeShiftBufferDepth       how far back from now its segments stay listed (the live window)
     * @param suggestedPresentationDelay how far behind the live edge a player should play
     * @param utcTiming                  how a player learns the server's clock
     */
    public record Live(
            Instant publishTime,
            Duration minimumUpdatePeriod,
            Duration timeShiftBufferDepth,
            Duration suggestedPresentationDelay,
            UtcTiming utcTiming) {

        public Live {
            Objects.requireNonNull(publishTime, "publishTime");
            Objects.requireNonNull(utcTiming, "utcTiming");
            for (Duration d : List.of(minimumUpdatePeriod, timeShiftBufferDepth, suggestedPresentationDelay)) {
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("a live manifest's durations must be positive, was " + d);
                }
            }
        }
    }

    /**
     * A {@code UTCTiming} element: the clock a live player synchronises to (DASH-IF IOP §4.7).
     *
     * @param schemeIdUri how {@code value} gives the time
     * @param value       the time itself, or where to ask for it
     */
    public record UtcTiming(String schemeIdUri, String value) {

        public UtcTiming {
            Objects.requireNonNull(schemeIdUri, "schemeIdUri");
            Objects.requireNonNull(value, "value");
        }

        /** The server's time written into the manifest ({@code urn:mpeg:dash:utc:direct:2014}): no request needed. */
        public static UtcTiming direct(Instant now) {
            return new UtcTiming("urn:mpeg:dash:utc:direct:2014", DateTimeFormatter.ISO_INSTANT.format(now));
        }

        /** A URL (absolute, or relative to the manifest) answering the time as ISO 8601 text. */
        public static UtcTiming httpIso(String url) {
            return new UtcTiming("urn:mpeg:dash:utc:http-iso:2014", url);
        }
    }
}
