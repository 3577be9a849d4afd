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

    private record Run(DashStream stream, MediaAnchor anchor, List<ListedSegment> segments) {
        long startMillis() {
            return anchor.wallMillis();
        }

        long endMillis() {
            return segments.get(segments.size() - 1).endMillis();
        }
    }

    private DashPeriods() {}

    /**
     * @param live whether the manifest is dynamic: only runs' beginnings are boundaries, and each stream's oldest run
     *             is anchored by asking whether it began before the window
     */
    static List<Period> plan(
            List<DashStream> streams, long gapToleranceMillis, boolean live, MediaAnchor.Lookup anchors) {
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
                Run run = new Run(stream, anchor, segments);
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
                        .filter(s -> s.endMillis() > start && s.startMillis() < end)
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
