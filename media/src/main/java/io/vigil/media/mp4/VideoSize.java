package io.vigil.media.mp4;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import java.util.Optional;

/**
 * The picture size of an fMP4 init segment's video track (the track whose handler is {@code vide}), as its
 * {@code tkhd} states it: width and height in 16.16 fixed point, whole pixels kept. What a multivariant playlist's
 * {@code RESOLUTION} and a DASH Representation's {@code width}/{@code height} say. Pure and bounded like
 * {@link VideoTiming}: a {@code tkhd} too short for its fields is refused ({@link MediaError#MALFORMED_MP4}).
 *
 * @param width  pixels, > 0
 * @param height pixels, > 0
 */
public record VideoSize(int width, int height) {

    /** The largest side a video track may state: more is a malformed box, not a camera. */
    public static final int MAX_PIXELS = 16_384;

    public VideoSize {
        if (width <= 0 || height <= 0 || width > MAX_PIXELS || height > MAX_PIXELS) {
            throw new MediaException(
                    MediaError.MALFORMED_MP4,
                    "video size must be 1.." + MAX_PIXELS + " each way, was " + width + "x" + height);
        }
    }

    /** The first video track's size; empty when {@code init} has no video track. */
    public static Optional<VideoSize> of(byte[] init) {
        return Tracks.first(init, "vide").map(trak -> {
            Box tkhd = trak.child(init, "tkhd");
            if (tkhd == null) {
                throw new MediaException(MediaError.MALFORMED_MP4, "video track without tkhd");
            }
            // version 0: 4 (version, flags) + 20 (times, id, reserved, duration) + 8 + 8 (layer .. volume) + 36
            // (matrix)
            int widthAt = init[tkhd.content(0, 1)] == 1 ? 88 : 76;
            long width = Box.readUint32(init, tkhd.content(widthAt, 4)) >>> 16;
            long height = Box.readUint32(init, tkhd.content(widthAt + 4, 4)) >>> 16;
            return new VideoSize((int) width, (int) height);
        });
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
