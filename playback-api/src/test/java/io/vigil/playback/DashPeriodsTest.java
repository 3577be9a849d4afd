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
