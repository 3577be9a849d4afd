package io.vigil.playback;

import io.vigil.archive.index.ListedSegment;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One stream of a camera (main or sub) as a DASH manifest offers it: a {@code Representation} in every period it
 * recorded in, over the same fMP4 init and media segments the HLS playlists list.
 *
 * @param id                     {@code main} or {@code sub}: the Representation's id
 * @param bandwidthBitsPerSecond {@code @bandwidth}, > 0: its peak bit rate ({@link Bandwidth#peakBitsPerSecond})
 * @param codecs                 RFC 6381 codecs of every track; video and audio both when audio is muxed in
 *                               (e.g. {@code avc1.64001f,mp4a.40.2})
 * @param width                  pixels; null with {@code height} when unknown
 * @param height                 pixels; null with {@code width} when unknown
 * @param framesPerSecond        {@code @frameRate}; null when unknown
 * @param segments               its segments, oldest first, as the index lists them
 * @param uris                   how its segments are addressed
 */
public record DashStream(
        String id,
        long bandwidthBitsPerSecond,
        String codecs,
        Integer width,
        Integer height,
        Double framesPerSecond,
        List<ListedSegment> segments,
        Uris uris) {

    public DashStream {
        StreamFormat.check(id, codecs, width, height, framesPerSecond);
        Objects.requireNonNull(uris, "uris");
        segments = List.copyOf(segments);
        if (bandwidthBitsPerSecond <= 0) {
            throw new IllegalArgumentException("bandwidthBitsPerSecond must be > 0, was " + bandwidthBitsPerSecond);
        }
    }

    /**
     * How a stream's segments are addressed: one media template with {@code $Number$} for every segment (DASH
     * §5.3.9.4.4; a {@code $} of its own written {@code $$}), and the init segment of each period.
     */
    public interface Uris {
        /** The media template, e.g. {@code segments/$Number$.m4s?stream=sub}. */
        String media();

        /** The initialization template of a period whose segments need {@code initKey}. */
        String initialization(String initKey);

        /**
         * Relative to {@code /api/cameras/{id}/}, as the HLS playlists' ({@link MediaPlaylist#RELATIVE}): {@code
         * segments/$Number$.m4s} and {@code init/{name}}, each followed by the query parameters given (name to
         * value, in the map's order; e.g. {@code stream=sub}, {@code share=...}), URL-encoded (so no {@code $}).
         */
        static Uris relative(Map<String, String> query) {
            StringBuilder q = new StringBuilder();
            query.forEach((name, value) -> q.append(q.length() == 0 ? '?' : '&')
                    .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            String suffix = q.toString();
            return new Uris() {
                @Override
                public String media() {
                    return "segments/$Number$.m4s" + suffix;
                }

                @Override
                public String initialization(String initKey) {
                    return MediaPlaylist.RELATIVE.initSegment(initKey).replace("$", "$$") + suffix;
                }
            };
        }
    }
}
