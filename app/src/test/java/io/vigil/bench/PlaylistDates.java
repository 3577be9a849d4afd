package io.vigil.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The wall-clock start of each complete segment of a media playlist, as a player places it: the
 * {@code EXT-X-PROGRAM-DATE-TIME} before it, else the previous start plus the previous {@code EXTINF}. Pure. Parts
 * ({@code EXT-X-PART}), preload hints and the parts of a segment still being recorded are not segments and move
 * nothing: a low-latency playlist lists a segment's parts before the segment itself.
 */
final class PlaylistDates {

    private PlaylistDates() {}

    static List<Instant> segmentStarts(String playlist) {
        List<Instant> starts = new ArrayList<>();
        Instant next = null;
        long pendingMillis = -1;
        for (String raw : playlist.split("\n")) {
            String line = raw.trim();
            if (line.startsWith("#EXT-X-PROGRAM-DATE-TIME:")) {
                next = Instant.parse(line.substring(line.indexOf(':') + 1).trim());
            } else if (line.startsWith("#EXTINF:")) {
                int comma = line.indexOf(',');
                pendingMillis =
                        Math.round(Double.parseDouble(line.substring(8, comma < 0 ? line.length() : comma)) * 1000);
            } else if (!line.isEmpty() && !line.startsWith("#") && pendingMillis >= 0) {
                if (next != null) {
                    starts.add(next);
                    next = next.plusMillis(pendingMillis);
                }
                pendingMillis = -1;
            }
        }
        return starts;
    }
}
