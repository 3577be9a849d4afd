package io.vigil.media.mp4;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import java.util.Optional;

/**
 * The video track of an fMP4 init segment and its timescale: the track whose {@code mdia/hdlr} handler is
 * {@code vide}, with {@code mdia/mdhd}'s ticks per second, in which its fragments' decode times ({@code tfdt}) count.
 * Pure and bounded: it only walks the boxes in the given bytes, allocates nothing from their length fields, and
 * refuses a box too short for its fields or a timescale of 0 ({@link MediaError#MALFORMED_MP4}).
 *
 * @param trackId   {@code tkhd}'s track id
 * @param timescale {@code mdhd}'s ticks per second, > 0
 */
public record VideoTiming(long trackId, long timescale) {

    public VideoTiming {
        if (timescale <= 0) {
            throw new MediaException(MediaError.MALFORMED_MP4, "video track timescale must be > 0, was " + timescale);
        }
    }

    /** The first video track of {@code init}; empty when it has none (audio only, or not an init segment). */
    public static Optional<VideoTiming> of(byte[] init) {
        return Tracks.first(init, "vide").map(trak -> {
            Box tkhd = trak.child(init, "tkhd");
            Box mdhd = Fragments.descend(init, trak, "mdia", "mdhd");
            if (tkhd == null || mdhd == null) {
                throw new MediaException(MediaError.MALFORMED_MP4, "video track without tkhd or mdhd");
            }
            boolean tkhdV1 = init[tkhd.content(0, 1)] == 1;
            boolean mdhdV1 = init[mdhd.content(0, 1)] == 1;
            return new VideoTiming(
                    Box.readUint32(init, tkhd.content(tkhdV1 ? 20 : 12, 4)),
                    Box.readUint32(init, mdhd.content(mdhdV1 ? 20 : 12, 4)));
        });
    }
}
