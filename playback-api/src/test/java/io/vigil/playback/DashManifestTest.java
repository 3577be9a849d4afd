package io.vigil.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.archive.index.ListedSegment;
import io.vigil.kernel.TimeRange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Golden files of the DASH writer over hand-built segment lists, each also read back by the JDK's XML parser (no
 * DASH schema is at hand offline): namespace, profile, and every Representation's timeline against its segments.
 */
class DashManifestTest {

    static final long T0 = Instant.parse("2026-11-22T10:02:00Z").toEpochMilli();
    private static final DashStream.Uris MAIN_URIS = DashStream.Uris.relative(Map.of());
    private static final DashStream.Uris SUB_URIS = DashStream.Uris.relative(Map.of("stream", "sub"));

    /** Segments from {@code seq}, each starting where the one before ended, of these durations. */
    static List<ListedSegment> contiguous(
            long seq, String session, long startOffsetMillis, String init, int... millis) {
        List<ListedSegment> out = new ArrayList<>();
        long start = T0 + startOffsetMillis;
        for (int d : millis) {
            out.add(new ListedSegment(seq++, session, start, d, "lobby/init/" + init + ".mp4", true));
            start += d;
        }
        return out;
    }

    @SafeVarargs
    static List<ListedSegment> concat(List<ListedSegment>... lists) {
        List<ListedSegment> all = new ArrayList<>();
        for (List<ListedSegment> l : lists) {
            all.addAll(l);
        }
        return all;
    }

    /** Anchors by the sequence of the segment asked about: each at that segment's start, with this decode time. */
    static MediaAnchor.Lookup anchors(Map<Long, Long> decodeTicksBySequence) {
        return (stream, first, earlier) ->
                new MediaAnchor(first.startMillis(), decodeTicksBySequence.getOrDefault(first.sequence(), 0L), 90_000);
    }

    static DashStream main(List<ListedSegment> segments) {
        return new DashStream("main", 4_400_000, "avc1.640028,mp4a.40.2", 1920, 1080, 25.0, segments, MAIN_URIS);
    }

    static DashStream sub(List<ListedSegment> segments) {
        return new DashStream("sub", 520_000, "avc1.64001e,mp4a.40.2", 640, 360, 29.97, segments, SUB_URIS);
    }

    /** The range from the segments' earliest start to their latest end: a manifest of all of them. */
    static TimeRange covering(List<ListedSegment> segments) {
        return new TimeRange(
                Instant.ofEpochMilli(segments.stream()
                        .mapToLong(ListedSegment::startMillis)
                        .min()
                        .orElseThrow()),
                Instant.ofEpochMilli(segments.stream()
                        .mapToLong(ListedSegment::endMillis)
                        .max()
                        .orElseThrow()));
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = DashManifestTest.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new AssertionError("no golden file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertGolden(String name, String actual) throws Exception {
        assertEquals(golden(name), actual);
        readBack(actual);
    }

    @Test
    void aStaticRangeWithADiscontinuityHasTwoPeriods() throws Exception {
        // a range from 5 s into session s1, a 3.52 s gap, then session s2 from its start
        List<ListedSegment> segments = concat(
                contiguous(41, "s1", 0, "aa", 2000, 2000, 2000, 2480),
                contiguous(45, "s2", 12_000, "aa", 2000, 2000, 1960));
        assertGolden(
                "range-discontinuity.mpd",
                DashManifest.ofRange(
                        List.of(main(segments)),
                        covering(segments),
                        1000,
                        2000,
                        anchors(Map.of(41L, 450_000L, 45L, 0L))));
    }

    @Test
    void aStaticRangeOfMainAndSubAlignsTheirPeriods() throws Exception {
        // sub starts 300 ms after main and stops 1.7 s before it: its last segment's end is a boundary too
        List<ListedSegment> main = contiguous(10, "m1", 0, "aa", 2000, 2000, 2000, 2000);
        List<ListedSegment> sub = contiguous(200, "s1", 300, "bb", 2000, 2000, 2000);
        assertGolden(
                "range-main-sub.mpd",
                DashManifest.ofRange(
                        List.of(main(main), sub(sub)),
                        covering(concat(main, sub)),
                        1000,
                        2000,
                        anchors(Map.of(10L, 900_000L, 200L, 27_000L))));
    }

    @Test
    void theStreamsARangeCutsBeginAndEndTogether() throws Exception {
        // the range is main's segments 1-4 exactly; sub cuts its segments at its own keyframes, 1.7 s earlier, so its
        // first overlaps the range by 300 ms and its last runs 300 ms past it: neither is a period of sub alone
        List<ListedSegment> main = contiguous(1, "m1", 2000, "aa", 2000, 2000, 2000, 2000);
        List<ListedSegment> sub = contiguous(100, "s1", 300, "bb", 2000, 2000, 2000, 2000, 2000);
        TimeRange range = new TimeRange(Instant.ofEpochMilli(T0 + 2000), Instant.ofEpochMilli(T0 + 10_000));

        String mpd = DashManifest.ofRange(
                List.of(main(main), sub(sub)), range, 1000, 2000, anchors(Map.of(1L, 180_000L, 100L, 27_000L)));

        Document doc = readBack(mpd);
        assertEquals("PT8.000S", doc.getDocumentElement().getAttribute("mediaPresentationDuration"), mpd);
        NodeList periods = doc.getElementsByTagNameNS(DashManifest.NAMESPACE, "Period");
        assertEquals(1, periods.getLength(), mpd);
        assertEquals("p" + (T0 + 2000), ((Element) periods.item(0)).getAttribute("id"));
        assertEquals("PT0.000S", ((Element) periods.item(0)).getAttribute("start"));
        NodeList templates = doc.getElementsByTagNameNS(DashManifest.NAMESPACE, "SegmentTemplate");
        assertEquals(2, templates.getLength(), mpd);
        Element mainTemplate = (Element) templates.item(0);
        assertEquals("180000", mainTemplate.getAttribute("presentationTimeOffset"), "main's first segment's tfdt");
        assertEquals("1", mainTemplate.getAttribute("startNumber"));
        Element subTemplate = (Element) templates.item(1);
        // sub's decode time at the range's start, 1.7 s into its first segment: 27000 + 1.7 s x 90 kHz
        assertEquals("180000", subTemplate.getAttribute("presentationTimeOffset"), mpd);
        assertEquals("100", subTemplate.getAttribute("startNumber"));
        assertTrue(mpd.contains("<S t=\"27000\" d=\"180000\" r=\"4\"/>"), "sub's five segments, whole: " + mpd);
    }

    @Test
    void oneStreamsRangeIsPresentedFromItsFirstSegmentsStartToItsLastsEnd() throws Exception {
        // a range from 0.5 s into segment 1 to 0.5 s before the end of segment 4: played whole, as in HLS
        List<ListedSegment> main = contiguous(1, "m1", 2000, "aa", 2000, 2000, 2000, 2000);
        TimeRange range = new TimeRange(Instant.ofEpochMilli(T0 + 2500), Instant.ofEpochMilli(T0 + 9500));

        String mpd = DashManifest.ofRange(List.of(main(main)), range, 1000, 2000, anchors(Map.of(1L, 180_000L)));

        Document doc = readBack(mpd);
        assertEquals("PT8.000S", doc.getDocumentElement().getAttribute("mediaPresentationDuration"), mpd);
        assertEquals(
                "p" + (T0 + 2000),
                ((Element) doc.getElementsByTagNameNS(DashManifest.NAMESPACE, "Period")
                                .item(0))
                        .getAttribute("id"));
        assertTrue(mpd.contains("presentationTimeOffset=\"180000\""), "its first segment's tfdt: " + mpd);
    }

    @Test
    void aLiveManifestAnchorsItsOldestPeriodWhereTheRunBegan() throws Exception {
        // session s7 began an hour before the window: its first segment at T0 - 3600 s, decode time 0
        assertGolden("live.mpd", live(contiguous(1800, "s7", 0, "aa", 2000, 2000, 2000, 2000)));
    }

    static String live(List<ListedSegment> window) {
        MediaAnchor sessionStart = new MediaAnchor(T0 - 3_600_000, 0, 90_000);
        return DashManifest.live(
                List.of(main(window)),
                1000,
                2000,
                new DashManifest.Live(
                        Instant.ofEpochMilli(T0 + 8_300),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(12),
                        Duration.ofSeconds(6),
                        DashManifest.UtcTiming.direct(Instant.ofEpochMilli(T0 + 8_300))),
                (stream, first, earlier) -> {
                    assertTrue(earlier, "only the oldest run is asked about with earlier");
                    return sessionStart;
                });
    }

    @Test
    void aLivePeriodKeepsItsStartIdAndOffsetAsTheWindowSlides() {
        String before = live(contiguous(1800, "s7", 0, "aa", 2000, 2000, 2000, 2000));
        String after = live(contiguous(1801, "s7", 2000, "aa", 2000, 2000, 2000, 2000));

        String period = "<Period id=\"p" + (T0 - 3_600_000) + "\" start=\"PT" + (T0 / 1000 - 3600) + ".000S\">";
        assertTrue(before.contains(period) && after.contains(period), before + after);
        String offset = "presentationTimeOffset=\"0\"";
        assertTrue(before.contains(offset) && after.contains(offset), after);
        assertTrue(before.contains("<S t=\"324000000\" d=\"180000\" r=\"3\"/>"), before);
        assertTrue(after.contains("<S t=\"324180000\" d=\"180000\" r=\"3\"/>"), after);
    }

    @Test
    void nothingToListIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> DashManifest.ofRange(
                        List.of(main(List.of())),
                        new TimeRange(Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + 2000)),
                        1000,
                        2000,
                        anchors(Map.of())));
    }

    @Test
    void anAnchorAfterItsRunsStartIsRefused() {
        List<ListedSegment> segments = contiguous(1, "s1", 0, "aa", 2000);
        assertThrows(
                IllegalArgumentException.class,
                () -> DashManifest.ofRange(
                        List.of(main(segments)),
                        covering(segments),
                        1000,
                        2000,
                        (stream, first, earlier) -> new MediaAnchor(first.startMillis() + 1, 0, 90_000)));
    }

    /**
     * Parses the manifest with the JDK's namespace-aware parser and checks what a player relies on: the MPD
     * namespace and live profile, and that each Representation's timeline covers its listed segments without holes.
     */
    static Document readBack(String mpd) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc =
                factory.newDocumentBuilder().parse(new ByteArrayInputStream(mpd.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertEquals(DashManifest.NAMESPACE, root.getNamespaceURI());
        assertEquals("MPD", root.getLocalName());
        assertEquals(DashManifest.PROFILE, root.getAttribute("profiles"));
        NodeList templates = doc.getElementsByTagNameNS(DashManifest.NAMESPACE, "SegmentTemplate");
        assertTrue(templates.getLength() > 0, "no SegmentTemplate");
        for (int i = 0; i < templates.getLength(); i++) {
            Element template = (Element) templates.item(i);
            assertTrue(template.getAttribute("media").contains("$Number$"), template.getAttribute("media"));
            for (String a : List.of("timescale", "presentationTimeOffset", "startNumber", "initialization")) {
                assertTrue(template.hasAttribute(a), "SegmentTemplate without " + a);
            }
            NodeList s = template.getElementsByTagNameNS(DashManifest.NAMESPACE, "S");
            assertTrue(((Element) s.item(0)).hasAttribute("t"), "the first S has its t");
        }
        return doc;
    }
}
