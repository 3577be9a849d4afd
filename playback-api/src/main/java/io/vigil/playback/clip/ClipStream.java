package io.vigil.playback.clip;

import io.vigil.archive.SegmentCatalog;
import io.vigil.archive.index.Segment;
import io.vigil.archive.mp4.Fragments;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The bytes of a clip, produced as they are read: the init segment, then each media segment fetched
 * from the archive and retimed onto one continuous timeline (clip time = wall-clock time since the
 * first segment, so gaps stay gaps). Holds one segment in memory at a time.
 */
final class ClipStream extends InputStream {

    private final SegmentCatalog catalog;
    private final Iterator<Segment> segments;
    private final Map<Long, Long> timescales;
    private final long videoTrack;
    private final Instant clipStart;
    private byte[] current;
    private int position;
    private String sessionId;
    private double sessionShiftSeconds;

    ClipStream(SegmentCatalog catalog, byte[] init, List<Segment> segments, Map<Long, Long> timescales) {
        this.catalog = catalog;
        this.segments = segments.iterator();
        this.timescales = timescales;
        this.videoTrack = timescales.keySet().stream().min(Long::compare).orElseThrow();
        this.clipStart = segments.get(0).start();
        this.current = init;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        while (current == null || position >= current.length) {
            if (!segments.hasNext()) {
                return -1;
            }
            current = next(segments.next());
            position = 0;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        return n;
    }

    private byte[] next(Segment s) throws IOException {
        byte[] bytes;
        try {
            bytes = catalog.readAll(catalog.locate(s));
        } catch (RuntimeException e) {
            throw new IOException("cannot read segment " + s.sequence() + ": " + e.getMessage(), e);
        }
        if (!s.sessionId().equals(sessionId)) {
            // A new session's timeline starts again at 0: place it where it was recorded on the clip's clock.
            sessionId = s.sessionId();
            double videoSeconds = Fragments.decodeTimes(bytes).getOrDefault(videoTrack, 0L)
                    / (double) timescales.get(videoTrack);
            sessionShiftSeconds = Duration.between(clipStart, s.start()).toNanos() / 1e9 - videoSeconds;
        }
        Map<Long, Long> delta = timescales.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> Math.round(sessionShiftSeconds * e.getValue())));
        Fragments.shiftDecodeTimes(bytes, delta);
        return bytes;
    }
}
