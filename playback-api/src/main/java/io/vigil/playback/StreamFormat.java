package io.vigil.playback;

import java.util.regex.Pattern;

/**
 * What a player is told of a camera's stream before it fetches any of it, checked alike wherever it is told (an HLS
 * variant, a DASH Representation): the stream's name, RFC 6381 codecs, resolution and frame rate. Pure.
 */
final class StreamFormat {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Pattern CODECS = Pattern.compile("[A-Za-z0-9.]+(,[A-Za-z0-9.]+)*");

    private StreamFormat() {}

    /**
     * @param name            {@code main} or {@code sub} (lower case letters, digits, '-')
     * @param codecs          RFC 6381 codecs of every track, comma-separated
     * @param width           pixels, or null with {@code height} when unknown
     * @param height          pixels, or null with {@code width} when unknown
     * @param framesPerSecond in (0, 1000], or null when unknown
     */
    static void check(String name, String codecs, Integer width, Integer height, Double framesPerSecond) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a stream's name must be like main or sub, was " + name);
        }
        if (codecs == null || !CODECS.matcher(codecs).matches()) {
            throw new IllegalArgumentException("codecs must be RFC 6381 identifiers, was " + codecs);
        }
        if ((width == null) != (height == null) || (width != null && (width <= 0 || height <= 0))) {
            throw new IllegalArgumentException(
                    "width and height are both positive or both absent, were " + width + "x" + height);
        }
        if (framesPerSecond != null && !(framesPerSecond > 0 && framesPerSecond <= 1000)) {
            throw new IllegalArgumentException("framesPerSecond must be in (0, 1000], was " + framesPerSecond);
        }
    }
}
