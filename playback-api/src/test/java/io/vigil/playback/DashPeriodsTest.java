package io.vigil.playback;

import static io.vigil.playback.DashManifestTest.T0;
import static io.vigil.playback.DashManifestTest.anchors;
import static io.vigil.playback.DashManifestTest.concat;
import static io.vigil.playback.DashManifestTest.contiguous;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.archive.index.ListedSegment;
import io.vigil.playback.DashRepresentations.TimelineEntry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where runs end, where periods begin and what each lists, and how a timeline is run-length coded. */
class DashPeriodsTest {

    private static final ListedSegment PREVIOUS = segment(10, "s1", 0, 2000, "aa");

    private static ListedSegment segment(long seq, String session, long startOffsetMillis, int millis, String init) {
        return new ListedSegment(seq, session, T0 + startOffsetMillis, millis, "lobby/init/" + init + ".mp4", true);
    }

    private record Rule(String why, ListedSegment next, boolean continues) {}

    @Test
    void aRunEndsWhereTheTimelineOrTheNumberingCannotGoOn() {
        List<Rule> rules = List.of(
                new Rule(
                        "the next number, same session and init, right after",
                        segment(11, "s1", 2000, 2000, "aa"),
                        true),
                new Rule("a pause of exactly the tolerance", segment(11, "s1", 3000, 2000, "aa"), true),
                new Rule("a pause longer than the tolerance", segment(11, "s1", 3001, 2000, "aa"), false),
                new Rule("a sequence number skipped", segment(12, "s1", 2000, 2000, "aa"), false),
                new Rule("the same number again", segment(10, "s1", 2000, 2000, "aa"), false),
                new Rule("another recording session", segment(11, "s2", 2000, 2000, "aa"), false),
                new Rule("another init segment", segment(11, "s1", 2000, 2000, "bb"), false),
                new Rule("starting no later than the previous", segment(11, "s1", 0, 2000, "aa"), false));
        for (Rule r : rules) {
            assertEquals(r.continues(), DashPeriods.continues(PREVIOUS, r.next(), 1000), r.why());
            assertEquals(
                    r.continues() ? 1 : 2,
                    DashPeriods.runs(List.of(PREVIOUS, r.next()), 1000).size(),
                    r.why());
        }
    }

    /** Segments 1 and 2 of session s1 with init aa from T0, then one segment as given: where periods start. */
    private record Split(
            String why, long sequence, String session, long offsetMillis, String init, List<Long> starts) {}

    @Test
    void eachRunOfAStreamIsAPeriodOfItsOwn() {
        List<Split> splits = List.of(
                new Split("one run", 3, "s1", 4000, "aa", List.of(0L)),
                new Split("a sequence gap, no time gap", 4, "s1", 4000, "aa", List.of(0L, 4000L)),
                new Split("a session change, no time gap", 3, "s2", 4000, "aa", List.of(0L, 4000L)),
                new Split("an init change, no time gap", 3, "s1", 4000, "bb", List.of(0L, 4000L)),
                new Split("a time gap over the tolerance", 3, "s1", 5001, "aa", List.of(0L, 5001L)),
                new Split("a pause within the tolerance", 3, "s1", 5000, "aa", List.of(0L)));
        for (Split split : splits) {
            List<ListedSegment> segments = concat(
                    contiguous(1, "s1", 0, "aa", 2000, 2000),
                    contiguous(split.sequence(), split.session(), split.offsetMillis(), split.init(), 2000));
            for (boolean live : new boolean[] {false, true}) {
                List<DashPeriods.Period> periods =
                        DashPeriods.plan(List.of(DashManifestTest.main(segments)), 1000, live, anchors(Map.of()));
                assertEquals(
                        split.starts(),
                        periods.stream().map(p -> p.startMillis() - T0).toList(),
                        split.why() + (live ? ", live" : ", static"));
            }
        }
    }

    @Test
    void aStreamThatStopsForAWhileLeavesThosePeriodsToTheOtherInARange() {
        List<ListedSegment> main = contiguous(1, "m1", 0, "aa", 2000, 2000, 2000, 2000, 2000, 2000);
        List<ListedSegment> sub =
                concat(contiguous(100, "s1", 0, "bb", 2000, 2000), contiguous(102, "s2", 8000, "bb", 2000, 2000));

        List<DashPeriods.Period> periods = DashPeriods.plan(
                List.of(DashManifestTest.main(main), DashManifestTest.sub(sub)), 1000, false, anchors(Map.of()));

        assertEquals(
                List.of(0L, 4000L, 8000L),
                periods.stream().map(p -> p.startMillis() - T0).toList());
        assertEquals(List.of("main:1-2 sub:100-101", "main:3-4", "main:5-6 sub:102-103"), listed(periods));
    }

    /** The periods of a range, a sub stream cut at its own keyframes {@code offsetMillis} from main's. */
    private record Cut(String why, long fromMillis, long toMillis, long offsetMillis) {}

    @Test
    void theStreamsARangeCutsBeginAndEndTogetherSoNoStreamHasAPeriodOfItsOwnThere() {
        // main's segments 1-4 from 2 s to 10 s, sub's five segments beginning before them and ending after
        List<ListedSegment> main = contiguous(1, "m1", 2000, "aa", 2000, 2000, 2000, 2000);
        List<Cut> cuts = List.of(
                new Cut(
                        "the range is main's segments, sub's first begins 1.7 s before (over the tolerance)",
                        2000,
                        10_000,
                        300),
                new Cut(
                        "the range is main's segments, sub's last ends 1.5 s after (over the tolerance)",
                        2000,
                        10_000,
                        1500),
                new Cut("the range begins and ends inside segments of both", 2500, 9500, 300));
        for (Cut cut : cuts) {
            List<ListedSegment> sub = contiguous(100, "s1", cut.offsetMillis(), "bb", 2000, 2000, 2000, 2000, 2000);
            List<DashStream> streams = List.of(DashManifestTest.main(main), DashManifestTest.sub(sub));
            List<DashPeriods.Period> periods = DashPeriods.plan(
                    streams, T0 + cut.fromMillis(), T0 + cut.toMillis(), 1000, false, anchors(Map.of()));
            assertEquals(
                    List.of(2000L),
                    periods.stream().map(p -> p.startMillis() - T0).toList(),
                    cut.why() + ": the latest first segment's start");
            assertEquals(List.of("main:1-4 sub:100-104"), listed(periods), cut.why());
            assertEquals(
                    10_000L, DashPeriods.end(streams, T0 + cut.toMillis()) - T0, cut.why() + ": the earliest last end");
        }
        // a stream that really begins or ends inside the range still does (sub from 4.3 s to 8.3 s)
        List<ListedSegment> sub = contiguous(100, "s1", 4300, "bb", 2000, 2000);
        List<DashStream> streams = List.of(DashManifestTest.main(main), DashManifestTest.sub(sub));
        List<DashPeriods.Period> periods =
                DashPeriods.plan(streams, T0 + 2000, T0 + 10_000, 1000, false, anchors(Map.of()));
        assertEquals(
                List.of(2000L, 4300L, 8300L),
                periods.stream().map(p -> p.startMillis() - T0).toList());
        assertEquals(List.of("main:1-2", "main:2-4 sub:100-101", "main:4-4"), listed(periods));
        assertEquals(10_000L, DashPeriods.end(streams, T0 + 10_000) - T0);
        // and where every stream stopped within the range, the presentation ends with the footage
        assertEquals(8300L, DashPeriods.end(List.of(DashManifestTest.sub(sub)), T0 + 10_000) - T0);
    }

    @Test
    void aLiveWindowsPeriodsBeginOnlyWhereRunsBegin() {
        // sub stopped 4 s before main's newest segment: no boundary at its end, it just lists no more
        List<ListedSegment> main = contiguous(1, "m1", 0, "aa", 2000, 2000, 2000, 2000);
        List<ListedSegment> sub = contiguous(100, "s1", 400, "bb", 2000);

        List<DashPeriods.Period> periods = DashPeriods.plan(
                List.of(DashManifestTest.main(main), DashManifestTest.sub(sub)), 1000, true, anchors(Map.of()));

        assertEquals(
                List.of(400L), periods.stream().map(p -> p.startMillis() - T0).toList());
        assertEquals(List.of("main:1-4 sub:100-100"), listed(periods));
    }

    private static List<String> listed(List<DashPeriods.Period> periods) {
        return periods.stream()
                .map(p -> String.join(
                        " ",
                        p.entries().stream()
                                .map(e -> e.stream().id() + ":"
                                        + e.segments().get(0).sequence() + "-"
                                        + e.segments()
                                                .get(e.segments().size() - 1)
                                                .sequence())
                                .toList()))
                .toList();
    }

    @Test
    void boundariesWithinTheToleranceOfOneAnotherAreOneAtTheLatest() {
        assertEquals(List.of(300L, 6300L, 8000L), DashPeriods.boundaries(List.of(0L, 300L, 6300L, 8000L), 1000));
        assertEquals(List.of(1800L), DashPeriods.boundaries(List.of(0L, 900L, 1800L), 1000));
        assertEquals(List.of(0L, 1001L), DashPeriods.boundaries(List.of(0L, 1001L), 1000));
        assertEquals(List.of(), DashPeriods.boundaries(List.of(), 1000));
    }

    @Test
    void equalDurationsAreOneEntryWithRepeatsAndTheLastLastsItsOwnDuration() {
        List<ListedSegment> run = contiguous(1, "s1", 0, "aa", 2000, 2000, 2000, 2480, 2000, 2000, 1000);
        MediaAnchor anchor = new MediaAnchor(T0, 0, 90_000);

        assertEquals(
                List.of(
                        new TimelineEntry(180_000, 2),
                        new TimelineEntry(223_200, 0),
                        new TimelineEntry(180_000, 1),
                        new TimelineEntry(90_000, 0)),
                DashRepresentations.timeline(run, run, anchor));
        // from the middle of a run, the last listed lasting until the next one of the run starts
        assertEquals(
                List.of(new TimelineEntry(180_000, 0), new TimelineEntry(223_200, 0), new TimelineEntry(180_000, 0)),
                DashRepresentations.timeline(run.subList(2, 5), run, anchor));
    }

    @Test
    void aPauseWithinTheToleranceBelongsToTheSegmentBeforeIt() {
        List<ListedSegment> run = concat(contiguous(1, "s1", 0, "aa", 2000), contiguous(2, "s1", 2500, "aa", 2000));

        assertEquals(
                List.of(new TimelineEntry(225_000, 0), new TimelineEntry(180_000, 0)),
                DashRepresentations.timeline(run, run, new MediaAnchor(T0, 0, 90_000)));
    }

    @Test
    void frameRatesAreWholeNumbersOrFractions() {
        assertEquals("25", DashRepresentations.frameRate(25.0));
        assertEquals("30000/1001", DashRepresentations.frameRate(29.97));
        assertEquals("60000/1001", DashRepresentations.frameRate(59.94));
        assertEquals("25/2", DashRepresentations.frameRate(12.5));
        assertEquals("15", DashRepresentations.frameRate(15.0002));
    }
}
