package io.vigil.playback;

import io.vigil.archive.index.ListedSegment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * Where a DASH manifest's periods begin and which segments of which stream each one lists. Pure.
 *
 * <p>A stream's segments fall into <b>runs</b>: a run ends wherever the HLS playlist marks a discontinuity (another
 * recording session, another init segment, a pause longer than the gap tolerance) and also where the sequence number
 * does not go up by one, since a SegmentTemplate numbers a period's segments {@code $Number$} from its
 * {@code startNumber} without holes. Each run is one media timeline (decode times counting on from one anchor).
 *
 * <p>Periods are aligned across streams in wall-clock time: a period boundary falls where any stream's run begins,
 * and, in a static manifest, where any run ends (so a stream that stopped for a while leaves the periods of that while
 * to the others instead of a hole inside its Representation). Boundaries closer than the gap tolerance to one another
 * (a camera's main and sub stream reconnected together) are one boundary, at the latest of them; a stream whose run
 * began up to that much earlier lists its first segment from before the period's start (the player skips that
 * part). In each period a stream is listed with the one run it records then (the segments overlapping the period: a
 * segment across a boundary is listed on both sides, its decode time the same, as DASH's period continuity has it);
 * a stream recording nothing then is left out of the period, and a period nobody recorded in is none (the one before
 * it just has no more media). A live manifest's boundaries are its runs' beginnings only: a run's end would move a
 * period's start between updates as that run's segments leave the window, which a player must never see; a stream
 * that stops there lists its segments up to where it stopped and no more in that period.
 *
 * <p>A static manifest's listing holds every segment overlapping its range, so each stream's first listed segment may
 * begin before the range and its last end after it: the range cut that stream's run there, and such a cut is neither
 * the beginning nor the end of its footage. A camera's main and sub streams cut their segments at their own
 * keyframes, up to a whole segment apart, so taking each cut for a boundary would make periods of one stream alone
 * before and after the others' footage (dash.js, asked for main, played such a first period's sub stream and then
 * kept it). The streams cut at the range's start all begin at the latest of their first segments' starts (at or before
 * the range's start) and those cut at its end all end at the earliest of their last segments' ends (at or after the
 * range's end): the presentation holds the whole range and no stream alone before or after it. One stream is listed
 * from its first segment's start to its last's end, as its HLS playlist plays it. An MSE player (dash.js) drops a
 * stream's frames before a period's start and from there until that stream's next keyframe, so a stream whose first
 * segment began earlier than the period shows its first frame up to a GOP later; at the range's start, the others
 * than the latest lose at most the frames before the range plus one GOP.
 *
 * <p>A live manifest's oldest period starts where its streams' oldest runs began ({@link MediaAnchor.Lookup}), so its
 * start does not move while those runs' first segments leave the window. It still moves, once, in two rare cases of a
 * camera with two streams or a new init segment within a session: when the segments of the run that began it have
 * all left the window while another stream's go on, and when the run began inside a recorded span (an init segment
 * change without a pause), whose first segment is where the anchor is looked up.
 */
final class DashPeriods {

    /** One period: where it begins, and the streams it lists with their segments. */
    record Period(long startMillis, List<Entry> entries) {}

    /** A stream in a period: the run's anchor and the segments of the run that overlap the period. */
    record Entry(DashStream stream, MediaAnchor anchor, List<ListedSegment> segments, List<ListedSegment> run) {}

    /**
     * A run of a stream's segments and where it counts from and up to: its anchor's wall-clock time and its last
     * segment's end, or where the presentation begins and ends if the range cut the run there.
     */
    private record Run(
            DashStream stream, MediaAnchor anchor, List<ListedSegment> segments, long startMillis, long endMillis) {}

    private DashPeriods() {}

    /**
     * The periods of a manifest that presents all of its streams' listed segments.
     *
     * @param live whether the manifest is dynamic: only runs' beginnings are boundaries, and each stream's oldest run
     *             is anchored by asking whether it began before the window
     */
    static List<Period> plan(
            List<DashStream> streams, long gapToleranceMillis, boolean live, MediaAnchor.Lookup anchors) {
        return plan(streams, Long.MIN_VALUE, Long.MAX_VALUE, gapToleranceMillis, live, anchors);
    }

    /**
     * The periods of a static manifest of the range {@code [fromMillis, toMillis)}, whose listing held every segment
     * overlapping it: runs cut by the range's ends begin and end together (see the class comment).
     */
    static List<Period> plan(
            List<DashStream> streams,
            long fromMillis,
            long toMillis,
            long gapToleranceMillis,
            boolean live,
            MediaAnchor.Lookup anchors) {
        long cutStart = cutStart(streams, fromMillis);
        long cutEnd = toMillis == Long.MAX_VALUE ? toMillis : end(streams, toMillis);
        List<List<Run>> runsByStream = new ArrayList<>();
        TreeSet<Long> candidates = new TreeSet<>();
        for (DashStream stream : streams) {
            List<Run> runs = new ArrayList<>();
            List<List<ListedSegment>> split = runs(stream.segments(), gapToleranceMillis);
            for (int i = 0; i < split.size(); i++) {
                List<ListedSegment> segments = split.get(i);
                ListedSegment first = segments.get(0);
                MediaAnchor anchor = anchors.of(stream.id(), first, live && i == 0);
                if (anchor.wallMillis() > first.startMillis()) {
                    throw new IllegalArgumentException("the anchor of stream " + stream.id() + "'s run from segment "
                            + first.sequence() + " is after that segment's start");
                }
                long end = segments.get(segments.size() - 1).endMillis();
                Run run = new Run(
                        stream,
                        anchor,
                        segments,
                        i == 0 && first.startMillis() <= fromMillis ? cutStart : anchor.wallMillis(),
                        i == split.size() - 1 && end >= toMillis ? cutEnd : end);
                if (run.endMillis() <= run.startMillis()) {
                    continue; // nothing of it presented
                }
                runs.add(run);
                candidates.add(run.startMillis());
                if (!live) {
                    candidates.add(run.endMillis());
                }
            }
            runsByStream.add(runs);
        }
        List<Long> boundaries = boundaries(new ArrayList<>(candidates), gapToleranceMillis);
        List<Period> periods = new ArrayList<>();
        for (int k = 0; k < boundaries.size(); k++) {
            long start = boundaries.get(k);
            long end = k + 1 < boundaries.size() ? boundaries.get(k + 1) : Long.MAX_VALUE;
            List<Entry> entries = new ArrayList<>();
            for (List<Run> runs : runsByStream) {
                Run run = current(runs, boundaries, k);
                if (run == null || run.endMillis() <= start) {
                    continue;
                }
                List<ListedSegment> listed = run.segments().stream()
                        .filter(s -> s.endMillis() > start && s.startMillis() < Math.min(end, run.endMillis()))
                        .toList();
                if (!listed.isEmpty()) {
                    entries.add(new Entry(run.stream(), run.anchor(), listed, run.segments()));
                }
            }
            if (!entries.isEmpty()) {
                periods.add(new Period(start, entries));
            }
        }
        return periods;
    }

    /**
     * Where the streams cut at the range's start begin: the latest start of their first listed segments, each at or
     * before {@code fromMillis} (if none is, {@code fromMillis}, which no run then uses).
     */
    private static long cutStart(List<DashStream> streams, long fromMillis) {
        return streams.stream()
                .filter(s -> !s.segments().isEmpty())
                .mapToLong(s -> s.segments().get(0).startMillis())
                .filter(start -> start <= fromMillis)
                .max()
                .orElse(fromMillis);
    }

    /**
     * Where a static manifest of a range ending at {@code toMillis} ends: where the streams cut at the range's end
     * end, the earliest end of their last listed segments (each at or after {@code toMillis}); else (every stream
     * stopped within the range) where its footage ends; with no footage, {@code toMillis}.
     */
    static long end(List<DashStream> streams, long toMillis) {
        List<Long> lastEnds = streams.stream()
                .filter(s -> !s.segments().isEmpty())
                .map(s -> s.segments().get(s.segments().size() - 1).endMillis())
                .toList();
        return lastEnds.stream()
                .filter(end -> end >= toMillis)
                .min(Long::compare)
                .orElseGet(() -> lastEnds.stream().max(Long::compare).orElse(toMillis));
    }

    /** The stream's latest run that begins at or before boundary {@code k}'s group, or null. */
    private static Run current(List<Run> runs, List<Long> boundaries, int k) {
        Run current = null;
        for (Run run : runs) {
            int group = Collections.binarySearch(boundaries, run.startMillis());
            int index = group >= 0 ? group : -group - 1; // the first boundary at or after its start: its group's
            if (index <= k) {
                current = run;
            }
        }
        return current;
    }

    /**
     * The period boundaries from sorted candidate times: those within the tolerance of the one before are one
     * group, whose boundary is its latest; so boundaries are always more than the tolerance apart.
     */
    static List<Long> boundaries(List<Long> sortedCandidates, long toleranceMillis) {
        List<Long> boundaries = new ArrayList<>();
        long groupLast = Long.MIN_VALUE;
        for (long c : sortedCandidates) {
            if (!boundaries.isEmpty() && c - groupLast <= toleranceMillis) {
                boundaries.set(boundaries.size() - 1, c);
            } else {
                boundaries.add(c);
            }
            groupLast = c;
        }
        return boundaries;
    }

    /** A stream's segments, oldest first, cut into runs (see the class comment). */
    static List<List<ListedSegment>> runs(List<ListedSegment> segments, long gapToleranceMillis) {
        List<List<ListedSegment>> runs = new ArrayList<>();
        List<ListedSegment> run = new ArrayList<>();
        ListedSegment previous = null;
        for (ListedSegment s : segments) {
            if (previous != null && !continues(previous, s, gapToleranceMillis)) {
                runs.add(List.copyOf(run));
                run.clear();
            }
            run.add(s);
            previous = s;
        }
        if (!run.isEmpty()) {
            runs.add(List.copyOf(run));
        }
        return runs;
    }

    /**
     * Whether {@code next} goes on the timeline of {@code previous}: same session and init segment, the next number,
     * starting after it and at most the tolerance after its end (MediaPlaylist's discontinuities, plus numbering).
     */
    static boolean continues(ListedSegment previous, ListedSegment next, long gapToleranceMillis) {
        return previous.sessionId().equals(next.sessionId())
                && previous.initKey().equals(next.initKey())
                && next.sequence() == previous.sequence() + 1
                && next.startMillis() > previous.startMillis()
                && next.startMillis() - previous.endMillis() <= gapToleranceMillis;
    }
}
