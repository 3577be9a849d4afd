package io.vigil.playback;

import io.vigil.archive.index.ListedSegment;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one period of a DASH manifest: its video AdaptationSet and a Representation per stream listed in it, each
 * with its SegmentTemplate and SegmentTimeline (see {@link DashManifest} for the timing). Pure.
 */
final class DashRepresentations {

    /** One {@code S} element: {@code repeats} more segments of the same duration follow the first. */
    record TimelineEntry(long durationTicks, int repeats) {}

    private DashRepresentations() {}

    /** @param zeroMillis the wall-clock time {@code Period@start} counts from */
    static void appendPeriod(StringBuilder out, DashPeriods.Period period, long zeroMillis) {
        List<DashPeriods.Entry> entries = period.entries();
        out.append("  <Period id=\"p")
                .append(period.startMillis())
                .append("\" start=\"")
                .append(DashManifest.duration(period.startMillis() - zeroMillis))
                .append("\">\n    <AdaptationSet contentType=\"video\" mimeType=\"video/mp4\"");
        if (aligned(entries)) {
            out.append(" segmentAlignment=\"true\"");
        }
        if (entries.stream().allMatch(e -> e.segments().stream().allMatch(ListedSegment::keyframeStart))) {
            out.append(" startWithSAP=\"1\"");
        }
        out.append(">\n");
        for (DashPeriods.Entry e : entries) {
            appendRepresentation(out, e, period.startMillis());
        }
        out.append("    </AdaptationSet>\n  </Period>\n");
    }

    /** Whether every Representation's segments start at the same times (one stream alone always does). */
    private static boolean aligned(List<DashPeriods.Entry> entries) {
        List<Long> starts = entries.get(0).segments().stream()
                .map(ListedSegment::startMillis)
                .toList();
        return entries.stream()
                .allMatch(e -> e.segments().stream()
                        .map(ListedSegment::startMillis)
                        .toList()
                        .equals(starts));
    }

    private static void appendRepresentation(StringBuilder out, DashPeriods.Entry e, long periodStartMillis) {
        DashStream stream = e.stream();
        MediaAnchor anchor = e.anchor();
        out.append("      <Representation id=\"")
                .append(stream.id())
                .append("\" bandwidth=\"")
                .append(stream.bandwidthBitsPerSecond())
                .append("\" codecs=\"")
                .append(stream.codecs())
                .append('"');
        if (stream.width() != null) {
            out.append(" width=\"")
                    .append(stream.width())
                    .append("\" height=\"")
                    .append(stream.height())
                    .append('"');
        }
        if (stream.framesPerSecond() != null) {
            out.append(" frameRate=\"")
                    .append(frameRate(stream.framesPerSecond()))
                    .append('"');
        }
        ListedSegment first = e.segments().get(0);
        out.append(">\n        <SegmentTemplate timescale=\"")
                .append(anchor.timescale())
                .append("\" presentationTimeOffset=\"")
                .append(anchor.ticksAt(periodStartMillis))
                .append("\" startNumber=\"")
                .append(first.sequence())
                .append("\" media=\"")
                .append(escape(stream.uris().media()))
                .append("\" initialization=\"")
                .append(escape(stream.uris().initialization(first.initKey())))
                .append("\">\n          <SegmentTimeline>\n");
        List<TimelineEntry> timeline = timeline(e.segments(), e.run(), anchor);
        for (int i = 0; i < timeline.size(); i++) {
            TimelineEntry s = timeline.get(i);
            out.append("            <S");
            if (i == 0) {
                out.append(" t=\"").append(anchor.ticksAt(first.startMillis())).append('"');
            }
            out.append(" d=\"").append(s.durationTicks()).append('"');
            if (s.repeats() > 0) {
                out.append(" r=\"").append(s.repeats()).append('"');
            }
            out.append("/>\n");
        }
        out.append("          </SegmentTimeline>\n        </SegmentTemplate>\n      </Representation>\n");
    }

    /**
     * The {@code S} elements of {@code listed} (consecutive segments of {@code run}): each segment lasts until the
     * next segment of its run starts (the last of the run: its own duration), equal durations one after another
     * written once with {@code r}.
     */
    static List<TimelineEntry> timeline(List<ListedSegment> listed, List<ListedSegment> run, MediaAnchor anchor) {
        int from = run.indexOf(listed.get(0));
        List<TimelineEntry> entries = new ArrayList<>();
        for (int i = from; i < from + listed.size(); i++) {
            ListedSegment s = run.get(i);
            long d = i + 1 < run.size()
                    ? anchor.ticksAt(run.get(i + 1).startMillis()) - anchor.ticksAt(s.startMillis())
                    : anchor.ticks(s.durationMillis());
            TimelineEntry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
            if (last != null && last.durationTicks() == d) {
                entries.set(entries.size() - 1, new TimelineEntry(d, last.repeats() + 1));
            } else {
                entries.add(new TimelineEntry(d, 0));
            }
        }
        return entries;
    }

    /**
     * {@code @frameRate} (DASH's FrameRateType: a whole number or a fraction): 25 as {@code 25}, 29.97 as {@code
     * 30000/1001}, anything else to the millisecond ({@code 12.5} as {@code 25/2}).
     */
    static String frameRate(double framesPerSecond) {
        long whole = Math.round(framesPerSecond);
        if (Math.abs(framesPerSecond - whole) < 0.0005) {
            return Long.toString(whole);
        }
        long ntsc = Math.round(framesPerSecond * 1.001);
        if (Math.abs(framesPerSecond - ntsc / 1.001) < 0.0005) {
            return ntsc * 1000 + "/1001";
        }
        long thousandths = Math.round(framesPerSecond * 1000);
        long gcd = java.math.BigInteger.valueOf(thousandths)
                .gcd(java.math.BigInteger.valueOf(1000))
                .longValue();
        return thousandths / gcd + "/" + 1000 / gcd;
    }

    /** Text as an XML attribute value. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
