package io.vigil.recorder.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_move_ref;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;

import io.vigil.recorder.StreamError;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;

/** One recorded stream of a session: its time base, timestamp repair and the packet held back until the next one arrives. */
final class RecordedTrack {

    final int outputIndex;
    final AVRational timeBase;
    final TimestampRepair repair;
    final AVPacket held = av_packet_alloc();
    boolean holding;
    long lastDurationTicks = 1;
    final long frameTicks;

    RecordedTrack(AVStream stream, int outputIndex, long maxJumpMillis) {
        this.outputIndex = outputIndex;
        this.timeBase = stream.time_base();
        AVRational rate = stream.avg_frame_rate().num() > 0 ? stream.avg_frame_rate() : stream.r_frame_rate();
        double fps = rate.num() > 0 && rate.den() > 0 ? (double) rate.num() / rate.den() : 25.0;
        this.frameTicks = Math.max(1, Math.round(timeBase.den() / (timeBase.num() * Math.min(Math.max(fps, 1), 120))));
        this.repair = new TimestampRepair((double) timeBase.den() / timeBase.num(), maxJumpMillis);
    }

    long micros(long ticks) {
        return ticks * 1_000_000L * timeBase.num() / timeBase.den();
    }

    long ticks(long micros) {
        return Math.round(micros * (double) timeBase.den() / (1_000_000.0 * timeBase.num()));
    }

    /** Keeps {@code packet} (moved out of it) until the next packet's DTS gives its duration. */
    void hold(AVPacket packet) {
        av_packet_move_ref(held, packet);
        holding = true;
    }

    /**
     * Writes the held packet, if any, to {@code muxer} on the session's timeline (from {@code originMicros}), its
     * duration taken from {@code nextDts}, else its own, else the last one's.
     */
    void releaseHeld(long nextDts, long originMicros, Fmp4Muxer muxer) throws StreamError {
        if (!holding) {
            return;
        }
        long duration = nextDts == TimestampRepair.NO_TIMESTAMP
                ? (held.duration() > 0 ? held.duration() : lastDurationTicks)
                : nextDts - held.dts();
        if (duration <= 0) {
            duration = lastDurationTicks;
        }
        lastDurationTicks = duration;
        held.duration(duration);
        long origin = ticks(originMicros);
        held.pts(held.pts() - origin);
        held.dts(held.dts() - origin);
        muxer.write(held, outputIndex);
        av_packet_unref(held);
        holding = false;
    }
}
