package io.vigil.playback.snapshot;

import io.vigil.error.VigilException;
import java.util.Map;

/**
 * The width a snapshot is asked at ({@code snapshot.jpg?width=}): a thumbnail for a timeline's hover, so a few kilobytes
 * instead of a full frame. Pure. A picture is only ever made smaller: a width at or above the frame's keeps the frame's
 * size; the height follows the frame's shape, both at least one pixel.
 *
 * @param widthPixels the width asked, {@value #MIN_PIXELS} to {@value #MAX_PIXELS}
 */
public record SnapshotWidth(int widthPixels) {

    public static final int MIN_PIXELS = 16;
    public static final int MAX_PIXELS = 7680;

    public SnapshotWidth {
        if (widthPixels < MIN_PIXELS || widthPixels > MAX_PIXELS) {
            throw new IllegalArgumentException("a snapshot's width is " + MIN_PIXELS + " to " + MAX_PIXELS);
        }
    }

    /** The parameter as given: null for none (the frame's own size); 400 naming {@code width} when not a width. */
    public static SnapshotWidth parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            int pixels = Integer.parseInt(text.strip());
            if (pixels >= MIN_PIXELS && pixels <= MAX_PIXELS) {
                return new SnapshotWidth(pixels);
            }
        } catch (NumberFormatException e) {
            // refused below, in words
        }
        throw VigilException.invalid(Map.of(
                "width", "a whole number of pixels from " + MIN_PIXELS + " to " + MAX_PIXELS + ", not '" + text + "'"));
    }

    /** {@code {width, height}} of a frame {@code frameWidth} x {@code frameHeight} shown at this width, never larger. */
    public int[] scale(int frameWidth, int frameHeight) {
        if (widthPixels >= frameWidth) {
            return new int[] {frameWidth, frameHeight};
        }
        int height = (int) Math.max(1, Math.round((double) frameHeight * widthPixels / frameWidth));
        return new int[] {widthPixels, height};
    }
}
