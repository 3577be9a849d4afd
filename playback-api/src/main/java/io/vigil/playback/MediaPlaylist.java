package io.vigil.playback;

import io.vigil.archive.index.ListedSegment;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes HLS media playlists (RFC 8216, version 7, fMP4) from index rows. Pure: segments in,
 * text out. A discontinuity is marked wherever the recording session or init segment changes or
 * segments are further apart than a tolerance; each new init segment gets its own {@code EXT-X-MAP},
 * and {@code EXT-X-PROGRAM-DATE-TIME} follows every discontinuity.
 */
public final class MediaPlaylist {

    private MediaPlaylist() {}

    /**
     * A live (sliding-window) playlist.
     *
     * @param window                   the newest segments, oldest first
     * @param discontinuitySequence    discontinuities that slid out of the window before it
     * @param minTargetDurationSeconds target duration floor, so it does not change while segments are regular
     * @param uris                     how segments and init segments are addressed
     */
    public static String live(
            List<ListedSegment> window,
            long discontinuitySequence,
            int minTargetDurationSeconds,
            long gapToleranceMillis,
            SegmentUris uris) {
        StringBuilder out = header(window, null, minTargetDurationSeconds);
        if (discontinuitySequence > 0) {
            out.append("#EXT-X-DISCONTINUITY-SEQUENCE:")
                    .append(discontinuitySequence)
                    .append('\n');
        }
        appendSegments(out, window, gapToleranceMillis, uris);
        return out.toString();
    }

    /**
     * A finished (VOD) playlist of a time range, or, with {@code complete} false, an EVENT playlist
     * that players reload as it grows into live.
     *
     * @param segments           every segment overlapping the range, oldest first
     * @param gapToleranceMillis a longer pause between segments is marked as a discontinuity
     */
    public static String range(
            List<ListedSegment> segments,
            boolean complete,
            int minTargetDurationSeconds,
            long gapToleranceMillis,
            SegmentUris uris) {
        StringBuilder out = header(segments, complete ? "VOD" : "EVENT", minTargetDurationSeconds);
        appendSegments(out, segments, gapToleranceMillis, uris);
        if (complete) {
            out.append("#EXT-X-ENDLIST\n");
        }
        return out.toString();
    }

    private static StringBuilder header(
            List<ListedSegment> segments, String playlistType, int minTargetDurationSeconds) {
        StringBuilder out = new StringBuilder(256 + segments.size() * 96);
        out.append("#EXTM3U\n#EXT-X-VERSION:7\n");
        out.append("#EXT-X-TARGETDURATION:")
                .append(targetDuration(segments, minTargetDurationSeconds))
                .append('\n');
        if (playlistType != null) {
            out.append("#EXT-X-PLAYLIST-TYPE:").append(playlistType).append('\n');
        }
        out.append("#EXT-X-MEDIA-SEQUENCE:")
                .append(segments.isEmpty() ? 0 : segments.get(0).sequence())
                .append('\n');
        if (segments.stream().allMatch(ListedSegment::keyframeStart)) {
            out.append("#EXT-X-INDEPENDENT-SEGMENTS\n");
        }
        return out;
    }

    /** {@code EXT-X-TARGETDURATION}: at least every EXTINF rounded to the nearest integer. */
    static int targetDuration(List<ListedSegment> segments, int minSeconds) {
        int target = Math.max(1, minSeconds);
        for (ListedSegment s : segments) {
            target = Math.max(target, (int) Math.round(s.durationMillis() / 1000.0));
        }
        return target;
    }

    private static void appendSegments(
            StringBuilder out, List<ListedSegment> segments, long gapToleranceMillis, SegmentUris uris) {
        ListedSegment previous = null;
        for (ListedSegment s : segments) {
            boolean newInit = previous == null || !previous.initKey().equals(s.initKey());
            boolean discontinuity = previous != null
                    && (newInit
                            || !previous.sessionId().equals(s.sessionId())
                            || s.startMillis() - previous.endMillis() > gapToleranceMillis);
            if (discontinuity) {
                out.append("#EXT-X-DISCONTINUITY\n");
            }
            if (newInit) {
                out.append("#EXT-X-MAP:URI=\"")
                        .append(uris.initSegment(s.initKey()))
                        .append("\"\n");
            }
            if (previous == null || discontinuity) {
                out.append("#EXT-X-PROGRAM-DATE-TIME:")
                        .append(DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(s.startMillis())))
                        .append('\n');
            }
            appendSeconds(out.append("#EXTINF:"), s.durationMillis()).append(",\n");
            out.append(uris.mediaSegment(s)).append('\n');
            previous = s;
        }
    }

    /** Milliseconds as seconds with three decimals ({@code 2000} as {@code 2.000}), without a formatter per line. */
    static StringBuilder appendSeconds(StringBuilder out, int millis) {
        int fraction = millis % 1000;
        out.append(millis / 1000).append('.');
        if (fraction < 100) {
            out.append(fraction < 10 ? "00" : "0");
        }
        return out.append(fraction);
    }

    /** How a playlist refers to segments: relative URIs served by Vigil, or presigned object URLs. */
    public interface SegmentUris {
        String mediaSegment(ListedSegment segment);

        String initSegment(String initKey);
    }

    /** {@link #RELATIVE} URIs, each followed by {@code query} ({@code ?stream=sub}, say; empty for none). */
    public static SegmentUris relative(String query) {
        if (query.isEmpty()) {
            return RELATIVE;
        }
        return new SegmentUris() {
            @Override
            public String mediaSegment(ListedSegment segment) {
                return RELATIVE.mediaSegment(segment) + query;
            }

            @Override
            public String initSegment(String initKey) {
                return RELATIVE.initSegment(initKey) + query;
            }
        };
    }

    /** URIs relative to {@code /api/cameras/{id}/}: {@code segments/{seq}.m4s}, {@code init/{name}}. */
    public static final SegmentUris RELATIVE = new SegmentUris() {
        @Override
        public String mediaSegment(ListedSegment segment) {
            return "segments/" + segment.sequence() + ".m4s";
        }

        @Override
        public String initSegment(String initKey) {
            return "init/" + initKey.substring(initKey.lastIndexOf('/') + 1);
        }
    };
}
