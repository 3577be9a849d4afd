package io.vigil.playback;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes the HLS multivariant playlist (RFC 8216bis §4.4.6.2) of a camera's streams: one
 * {@code EXT-X-STREAM-INF} and URI per variant (a camera's main and sub stream), the highest {@code BANDWIDTH}
 * first, so a player starts with the best stream and steps down when its bandwidth does not suffice. Pure: values in,
 * text out; the URIs are the callers', relative to the playlist (e.g. {@code live.m3u8?stream=sub}).
 */
public final class MasterPlaylist {

    /** Version 7 as the media playlists; 9 when they are low-latency (LL-HLS's tags need it). */
    static final int VERSION = 7;

    static final int LOW_LATENCY_VERSION = 9;

    private MasterPlaylist() {}

    /**
     * @param variants            one per stream, at least one
     * @param lowLatency          whether the media playlists are Low-Latency HLS (version 9)
     * @param independentSegments whether every segment of every variant starts on a keyframe
     *                            ({@code EXT-X-INDEPENDENT-SEGMENTS}; Vigil's segments do, but a long GOP may not)
     */
    public static String of(List<Variant> variants, boolean lowLatency, boolean independentSegments) {
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("a multivariant playlist needs at least one variant");
        }
        List<Variant> ordered = new ArrayList<>(variants);
        ordered.sort(Comparator.comparingLong(Variant::peakBitsPerSecond)
                .reversed()
                .thenComparing(v -> !v.streamName().equals("main"))
                .thenComparing(Variant::streamName));
        StringBuilder out = new StringBuilder(64 + variants.size() * 160);
        out.append("#EXTM3U\n#EXT-X-VERSION:")
                .append(lowLatency ? LOW_LATENCY_VERSION : VERSION)
                .append('\n');
        if (independentSegments) {
            out.append("#EXT-X-INDEPENDENT-SEGMENTS\n");
        }
        for (Variant v : ordered) {
            out.append("#EXT-X-STREAM-INF:BANDWIDTH=")
                    .append(v.peakBitsPerSecond())
                    .append(",AVERAGE-BANDWIDTH=")
                    .append(v.averageBitsPerSecond())
                    .append(",CODECS=\"")
                    .append(v.codecs())
                    .append('"');
            if (v.width() != null) {
                out.append(",RESOLUTION=").append(v.width()).append('x').append(v.height());
            }
            if (v.framesPerSecond() != null) {
                out.append(",FRAME-RATE=").append(String.format(Locale.ROOT, "%.3f", v.framesPerSecond()));
            }
            out.append('\n').append(v.uri()).append('\n');
        }
        return out.toString();
    }

    /**
     * One stream of a camera, as a player chooses among them.
     *
     * @param streamName           {@code main} or {@code sub} (lower case letters, digits, '-')
     * @param uri                  its media playlist, relative to this one; one line, no scheme
     * @param peakBitsPerSecond    {@code BANDWIDTH}: the highest bit rate of any segment, > 0
     * @param averageBitsPerSecond {@code AVERAGE-BANDWIDTH}: > 0 and at most the peak
     * @param codecs               RFC 6381 codecs of every track, e.g. {@code avc1.64001f,mp4a.40.2}
     * @param width                pixels; null with {@code height} when unknown
     * @param height               pixels; null with {@code width} when unknown
     * @param framesPerSecond      {@code FRAME-RATE}, written with three decimals; null when unknown
     */
    public record Variant(
            String streamName,
            String uri,
            long peakBitsPerSecond,
            long averageBitsPerSecond,
            String codecs,
            Integer width,
            Integer height,
            Double framesPerSecond) {

        public Variant {
            StreamFormat.check(streamName, codecs, width, height, framesPerSecond);
            Objects.requireNonNull(uri, "uri");
            if (uri.isBlank()
                    || uri.contains("://")
                    || uri.startsWith("#")
                    || uri.chars().anyMatch(c -> c < 0x20)) {
                throw new IllegalArgumentException("uri must be one relative line, was " + uri);
            }
            if (averageBitsPerSecond <= 0 || peakBitsPerSecond < averageBitsPerSecond) {
                throw new IllegalArgumentException("bandwidths must be 0 < average <= peak, were average "
                        + averageBitsPerSecond + ", peak " + peakBitsPerSecond);
            }
        }

        /** A variant whose bit rates were measured from its segments ({@link Bandwidth#measure}). */
        public static Variant of(
                String streamName,
                String uri,
                Bandwidth bandwidth,
                String codecs,
                Integer width,
                Integer height,
                Double framesPerSecond) {
            return new Variant(
                    streamName,
                    uri,
                    bandwidth.peakBitsPerSecond(),
                    bandwidth.averageBitsPerSecond(),
                    codecs,
                    width,
                    height,
                    framesPerSecond);
        }
    }
}
