package io.vigil.recorder.ffmpeg;

import io.vigil.media.mp4.Box;
import java.util.Set;

/** Where the media part of a muxer's output begins. Pure. */
final class Mp4Boxes {

    private static final Set<String> MEDIA = Set.of("styp", "sidx", "prft", "moof");

    private Mp4Boxes() {}

    /**
     * Offset of the first box that belongs to a media segment ({@code styp}, {@code sidx}, {@code prft},
     * {@code moof}); -1 if there is none or the boxes are malformed.
     */
    static int firstMediaBox(byte[] bytes) {
        return Box.children(bytes, 0, bytes.length).stream()
                .filter(b -> MEDIA.contains(b.type()))
                .mapToInt(Box::start)
                .findFirst()
                .orElse(-1);
    }
}
