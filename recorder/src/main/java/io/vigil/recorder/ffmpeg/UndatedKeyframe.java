package io.vigil.recorder.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_move_ref;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;

import java.time.Instant;
import org.bytedeco.ffmpeg.avcodec.AVPacket;

/**
 * RTSP's first keyframe often comes without timestamps: it is kept here until the next packet dates it (one frame
 * before that packet), rather than waiting a whole GOP for the next keyframe.
 */
final class UndatedKeyframe implements AutoCloseable {

    private final AVPacket packet = av_packet_alloc();
    private Instant receivedAt;

    /** Keeps {@code candidate} (moved out of it) if it is a keyframe; drops one kept before either way. */
    void keep(AVPacket candidate, boolean keyframe, Instant receivedAt) {
        av_packet_unref(packet);
        if (keyframe) {
            av_packet_move_ref(packet, candidate);
            this.receivedAt = receivedAt;
        }
    }

    boolean waiting() {
        return packet.size() > 0;
    }

    /** When the kept keyframe arrived. */
    Instant receivedAt() {
        return receivedAt;
    }

    /** Moves the kept keyframe into {@code target}, dated one frame ({@code frameTicks}) before {@code nextDts}. */
    void dateInto(AVPacket target, long nextDts, long frameTicks) {
        long dts = nextDts - frameTicks;
        packet.dts(dts);
        if (packet.pts() == TimestampRepair.NO_TIMESTAMP) {
            packet.pts(dts);
        }
        av_packet_move_ref(target, packet);
    }

    @Override
    public void close() {
        av_packet_free(packet);
    }
}
