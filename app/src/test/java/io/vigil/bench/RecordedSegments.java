package io.vigil.bench;

import io.vigil.e2e.TestAdmin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A camera's segments over a window as the API lists them (its ranged playlist): each one's sequence number and
 * wall-clock start ({@code EXT-X-PROGRAM-DATE-TIME} where the playlist gives one, else the previous start plus the
 * previous {@code EXTINF}, which is how a player places it), and what is missing, counted two ways: holes in the
 * sequence numbers (plus whole segments expected in the window and not written), and seconds of the window that no
 * segment covers.
 */
record RecordedSegments(List<Segment> segments, Instant from, Instant to) {

    static final int SEGMENT_SECONDS = 2;

    record Segment(long sequence, Instant start, long durationMillis) {
        Instant end() {
            return start.plusMillis(durationMillis);
        }
    }

    RecordedSegments {
        segments = List.copyOf(segments);
    }

    /** The segments of a camera's stream ({@code main}, {@code sub}) overlapping [from, to], from Vigil at {@code base}. */
    static RecordedSegments fetch(HttpClient http, String base, String camera, String stream, Instant from, Instant to)
            throws Exception {
        String playlist = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/cameras/" + camera + "/playlist.m3u8?start="
                                        + from + "&end=" + to + "&stream=" + stream))
                                .header("Authorization", TestAdmin.basic())
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return new RecordedSegments(parse(playlist), from, to);
    }

    /**
     * Fetches until the segments reach {@code to} (the one recording at {@code to} is closed at the next keyframe,
     * then uploaded and indexed), or the deadline passes: then what is listed by then.
     */
    static RecordedSegments awaitCovered(
            HttpClient http, String base, String camera, String stream, Instant from, Instant to, long deadlineNanos)
            throws Exception {
        while (true) {
            RecordedSegments listed = fetch(http, base, camera, stream, from, to);
            boolean covered = !listed.segments.isEmpty()
                    && !listed.segments.get(listed.segments.size() - 1).end().isBefore(to);
            if (covered || System.nanoTime() > deadlineNanos) {
                return listed;
            }
            Thread.sleep(500);
        }
    }

    static List<Segment> parse(String playlist) {
        List<Segment> segments = new ArrayList<>();
        Instant next = null;
        long duration = 0;
        for (String line : playlist.split("\n")) {
            if (line.startsWith("#EXT-X-PROGRAM-DATE-TIME:")) {
                next = Instant.parse(line.substring(line.indexOf(':') + 1).trim());
            } else if (line.startsWith("#EXTINF:")) {
                duration = Math.round(Double.parseDouble(line.substring(8, line.indexOf(','))) * 1000);
            } else if (line.startsWith("segments/") && next != null) {
                long sequence = Long.parseLong(line.substring(9, line.indexOf('.')));
                segments.add(new Segment(sequence, next, duration));
                next = next.plusMillis(duration);
            }
        }
        return segments;
    }

    /** Segments starting in [from, to). */
    long started() {
        return segments.stream()
                .filter(s -> !s.start().isBefore(from) && s.start().isBefore(to))
                .count();
    }

    /** Missing by sequence: holes in the numbers listed, plus whole segments the window should hold and does not. */
    long missingBySequence() {
        long holes = 0;
        for (int i = 1; i < segments.size(); i++) {
            holes +=
                    Math.max(0, segments.get(i).sequence() - segments.get(i - 1).sequence() - 1);
        }
        long expected = Duration.between(from, to).toSeconds() / SEGMENT_SECONDS - 1;
        return holes + Math.max(0, expected - started());
    }

    /** Missing by time: seconds of [from, to] no segment covers. */
    double uncoveredSeconds() {
        long covered = 0;
        Instant reached = from;
        for (Segment s : segments) {
            Instant start = s.start().isAfter(reached) ? s.start() : reached;
            Instant end = s.end().isBefore(to) ? s.end() : to;
            if (end.isAfter(start)) {
                covered += Duration.between(start, end).toMillis();
                reached = end;
            }
        }
        return (Duration.between(from, to).toMillis() - covered) / 1000.0;
    }

    List<Instant> startsWithin() {
        return segments.stream()
                .map(Segment::start)
                .filter(s -> !s.isBefore(from) && s.isBefore(to))
                .toList();
    }
}
