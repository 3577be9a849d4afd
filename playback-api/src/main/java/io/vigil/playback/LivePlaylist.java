package io.vigil.playback;

import io.vigil.live.EdgeSnapshot;
import io.vigil.live.LivePart;
import io.vigil.live.LiveSegment;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes the Low-Latency HLS media playlist (RFC 8216bis, version 9) of a camera's live edge: its segments with
 * {@code EXT-X-PART} lines for the newest ones, the next part as {@code EXT-X-PRELOAD-HINT}, blocking reload offered
 * in {@code EXT-X-SERVER-CONTROL}. A player that knows nothing of parts reads it as a plain live playlist of the
 * complete segments. Pure: a snapshot in, text out; URIs relative to {@code /api/cameras/{id}/}:
 * {@code live/{sequence}.m4s}, {@code live/{sequence}.{part}.m4s}, {@code live/init/{n}.mp4}.
 */
public final class LivePlaylist {

    /** Complete segments, newest first, whose parts are listed (besides the segment being written). */
    static final int SEGMENTS_WITH_PARTS = 2;
    /** Parts a player should stay behind the newest (RFC 8216bis: at least 2; 3 as Apple advises). */
    static final int PART_HOLD_BACK_PARTS = 3;

    private LivePlaylist() {}

    /** @param minTargetDurationSeconds the segment target, so the playlist's does not change while segments are regular */
    public static String of(EdgeSnapshot edge, int minTargetDurationSeconds) {
        return of(edge, minTargetDurationSeconds, "");
    }

    /**
     * @param query what every URI is followed by ({@code ?stream=sub} for a sub stream's edge; empty for none)
     */
    public static String of(EdgeSnapshot edge, int minTargetDurationSeconds, String query) {
        List<LiveSegment> segments = edge.segments();
        StringBuilder out = new StringBuilder(512 + segments.size() * 600);
        out.append("#EXTM3U\n#EXT-X-VERSION:9\n#EXT-X-TARGETDURATION:")
                .append(targetDuration(segments, minTargetDurationSeconds))
                .append('\n');
        long partTargetMillis = Math.max(1, Math.round(edge.partTargetMicros() / 1000.0));
        MediaPlaylist.appendSeconds(out.append("#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK="), (int)
                        (partTargetMillis * PART_HOLD_BACK_PARTS))
                .append('\n');
        MediaPlaylist.appendSeconds(out.append("#EXT-X-PART-INF:PART-TARGET="), (int) partTargetMillis)
                .append('\n');
        long first = segments.isEmpty() ? edge.nextSequence() : segments.get(0).sequence();
        out.append("#EXT-X-MEDIA-SEQUENCE:").append(first).append('\n');
        if (edge.discontinuitySequence() > 0) {
            out.append("#EXT-X-DISCONTINUITY-SEQUENCE:")
                    .append(edge.discontinuitySequence())
                    .append('\n');
        }
        int firstWithParts = Math.max(0, segments.size() - SEGMENTS_WITH_PARTS - 1);
        LiveSegment previous = null;
        for (int i = 0; i < segments.size(); i++) {
            LiveSegment s = segments.get(i);
            if (previous != null && s.discontinuity()) {
                out.append("#EXT-X-DISCONTINUITY\n");
            }
            if (previous == null || previous.initNumber() != s.initNumber()) {
                out.append("#EXT-X-MAP:URI=\"live/init/")
                        .append(s.initNumber())
                        .append(".mp4")
                        .append(query)
                        .append("\"\n");
            }
            out.append("#EXT-X-PROGRAM-DATE-TIME:")
                    .append(DateTimeFormatter.ISO_INSTANT.format(s.start()))
                    .append('\n');
            if (i >= firstWithParts || !s.complete()) {
                appendParts(out, s, query);
            }
            if (s.complete()) {
                MediaPlaylist.appendSeconds(out.append("#EXTINF:"), millis(s.durationMicros()))
                        .append(",\nlive/")
                        .append(s.sequence())
                        .append(".m4s")
                        .append(query)
                        .append('\n');
            }
            previous = s;
        }
        EdgeSnapshot.PartPosition next = edge.nextPart();
        if (!segments.isEmpty()) {
            out.append("#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"live/")
                    .append(next.sequence())
                    .append('.')
                    .append(next.part())
                    .append(".m4s")
                    .append(query)
                    .append("\"\n");
        }
        return out.toString();
    }

    private static void appendParts(StringBuilder out, LiveSegment s, String query) {
        List<LivePart> parts = s.parts();
        for (int p = 0; p < parts.size(); p++) {
            LivePart part = parts.get(p);
            MediaPlaylist.appendSeconds(out.append("#EXT-X-PART:DURATION="), millis(part.durationMicros()))
                    .append(",URI=\"live/")
                    .append(s.sequence())
                    .append('.')
                    .append(p)
                    .append(".m4s")
                    .append(query)
                    .append('"');
            if (part.independent()) {
                out.append(",INDEPENDENT=YES");
            }
            out.append('\n');
        }
    }

    /** {@code EXT-X-TARGETDURATION}: at least every complete segment's duration rounded to the nearest second. */
    static int targetDuration(List<LiveSegment> segments, int minSeconds) {
        int target = Math.max(1, minSeconds);
        for (LiveSegment s : segments) {
            target = Math.max(target, (int) Math.round(s.durationMicros() / 1_000_000.0));
        }
        return target;
    }

    private static int millis(long micros) {
        return (int) Math.round(micros / 1000.0);
    }
}
