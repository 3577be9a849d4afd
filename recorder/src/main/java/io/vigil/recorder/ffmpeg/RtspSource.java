package io.vigil.recorder.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_HEVC;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EXIT;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;

import io.vigil.camera.Camera;
import io.vigil.recorder.StreamError;
import io.vigil.recorder.connect.ConnectTarget;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RTSP session with a camera, read packet by packet without decoding. Every blocking FFmpeg
 * call runs under a deadline (connect timeout, then stall timeout per packet) enforced by FFmpeg's
 * interrupt callback, which also makes {@link #requestStop()} take effect at once.
 */
final class RtspSource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RtspSource.class);

    /** One callback for all sources: JavaCPP limits how many native callback thunks exist. */
    private static final Interrupt INTERRUPT = new Interrupt();

    private static final Duration TEARDOWN_TIMEOUT = Duration.ofSeconds(2);
    private static final Map<Long, RtspSource> OPEN = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();

    private final long id = IDS.incrementAndGet();
    private final LongPointer opaque = new LongPointer(1).put(id);
    private final AVFormatContext context;
    private volatile long deadlineNanos = Long.MAX_VALUE;
    private volatile boolean stopRequested;
    private volatile boolean stallFired;
    private volatile boolean deadlineIsStall;
    /** The connect deadline (not a stall, not a stop) interrupted FFmpeg. */
    private volatile boolean deadlineFired;

    private int videoIndex = -1;
    private int audioIndex = -1;
    private String ignoredAudioCodec;

    private RtspSource() {
        context = avformat_alloc_context();
        AVIOInterruptCB cb = context.interrupt_callback();
        cb.callback(INTERRUPT);
        cb.opaque(opaque);
        OPEN.put(id, this);
    }

    /**
     * Opens the camera's stream and picks the streams to record: the first H.264/H.265 video and,
     * if present, the first AAC audio.
     */
    static RtspSource open(ConnectTarget target, Camera.Transport transport, Duration connectTimeout)
            throws StreamError {
        FfmpegLog.install();
        RtspSource source = new RtspSource();
        try {
            source.connect(target, transport, connectTimeout);
            return source;
        } catch (StreamError | RuntimeException e) {
            source.close();
            throw e;
        }
    }

    private void connect(ConnectTarget target, Camera.Transport transport, Duration connectTimeout) throws StreamError {
        AVDictionary options = new AVDictionary(null);
        av_dict_set(options, "rtsp_transport", transport == Camera.Transport.UDP ? "udp" : "tcp", 0);
        // rtsps: FFmpeg 8 hands these to its TLS layer, which then refuses a peer whose chain does not lead to them
        target.ffmpegOptions().forEach((name, value) -> av_dict_set(options, name, value, 0));
        av_dict_set(options, "timeout", Long.toString(connectTimeout.toNanos() / 1000), 0);
        av_dict_set(options, "allowed_media_types", "video+audio", 0);
        av_dict_set(options, "analyzeduration", "3000000", 0);
        av_dict_set(options, "user_agent", "Vigil", 0);
        deadlineNanos = System.nanoTime() + connectTimeout.toNanos();
        int ret = avformat_open_input(context, target.ffmpegUrl(), null, options);
        av_dict_free(options);
        if (ret < 0) {
            throw connectFailure(
                    "cannot open RTSP session", "did not complete the RTSP handshake", connectTimeout, ret);
        }
        deadlineNanos = System.nanoTime() + connectTimeout.toNanos();
        ret = avformat_find_stream_info(context, (AVDictionary) null);
        if (ret < 0) {
            throw connectFailure(
                    "cannot read stream information",
                    "sent too little media to read its parameters",
                    connectTimeout,
                    ret);
        }
        for (int i = 0; i < context.nb_streams(); i++) {
            AVCodecParameters par = context.streams(i).codecpar();
            if (par.codec_type() == AVMEDIA_TYPE_VIDEO && videoIndex < 0) {
                if (par.codec_id() != AV_CODEC_ID_H264 && par.codec_id() != AV_CODEC_ID_HEVC) {
                    throw new StreamError(
                            "unsupported video codec " + codecName(par) + ": Vigil records H.264 and H.265",
                            StreamError.Kind.STREAM);
                }
                videoIndex = i;
            } else if (par.codec_type() == AVMEDIA_TYPE_AUDIO && audioIndex < 0) {
                if (par.codec_id() == AV_CODEC_ID_AAC) {
                    audioIndex = i;
                } else if (ignoredAudioCodec == null) {
                    ignoredAudioCodec = codecName(par);
                }
            }
        }
        if (videoIndex < 0) {
            throw new StreamError("the stream has no video", StreamError.Kind.STREAM);
        }
        deadlineNanos = Long.MAX_VALUE;
    }

    /**
     * The error of a failed connection step. When it was Vigil's own deadline that cut the step short, FFmpeg's
     * error says something else ("Invalid data found when processing input": the reply it was reading stopped), so
     * the camera's status would blame the stream for a camera that was only slow; it says what happened instead.
     */
    private StreamError connectFailure(String what, String slow, Duration connectTimeout, int ret) {
        // FFmpeg's own socket timeout (the same length) may end the step first: it is checked after each 100 ms
        // poll, Vigil's deadline before it, so a poll that returns late on a busy machine lets FFmpeg's win, with
        // its own error; the deadline having passed is what says the camera was slow
        boolean pastDeadline = deadlineFired || System.nanoTime() - deadlineNanos >= 0;
        if (pastDeadline && !stopRequested) {
            return new StreamError(
                    "the camera " + slow + " within " + connectTimeout.toMillis() / 1000.0
                            + " s (vigil.recorder.connect-timeout)",
                    StreamError.Kind.UNREACHABLE);
        }
        return FfmpegCodes.error(what, ret);
    }

    /**
     * Reads the next packet into {@code packet}; returns FFmpeg's code (negative on error or end).
     * A read that gets nothing for {@code stallTimeout} is interrupted.
     */
    int read(AVPacket packet, Duration stallTimeout) {
        if (stallFired) {
            // FFmpeg may hand out packets it had queued after the socket read was interrupted; the
            // session is over all the same.
            return AVERROR_EXIT;
        }
        deadlineIsStall = true;
        deadlineNanos = System.nanoTime() + stallTimeout.toNanos();
        int ret = av_read_frame(context, packet);
        deadlineNanos = Long.MAX_VALUE;
        deadlineIsStall = false;
        return stallFired ? AVERROR_EXIT : ret;
    }

    /** Makes the current and every later blocking call return at once. Safe from any thread. */
    void requestStop() {
        stopRequested = true;
    }

    /** True if a {@link #read} was cut short because no packet came within the stall timeout. */
    boolean stalled() {
        return stallFired;
    }

    AVStream video() {
        return context.streams(videoIndex);
    }

    /** The AAC audio stream, or null. */
    AVStream audio() {
        return audioIndex < 0 ? null : context.streams(audioIndex);
    }

    int videoIndex() {
        return videoIndex;
    }

    int audioIndex() {
        return audioIndex;
    }

    /** Name of an audio codec that is present but not recorded, or null. */
    String ignoredAudioCodec() {
        return ignoredAudioCodec;
    }

    static String codecName(AVCodecParameters par) {
        return avcodec_get_name(par.codec_id()).getString();
    }

    /** Closes the session; the RTSP TEARDOWN gets {@link #TEARDOWN_TIMEOUT} at most (a frozen camera gets none). */
    @Override
    public void close() {
        deadlineNanos = System.nanoTime() + TEARDOWN_TIMEOUT.toNanos();
        if (context != null && !context.isNull()) {
            avformat_close_input(context);
        }
        OPEN.remove(id);
        opaque.close();
    }

    private boolean shouldInterrupt() {
        if (stopRequested) {
            return true;
        }
        if (System.nanoTime() > deadlineNanos) {
            if (deadlineIsStall) {
                stallFired = true;
            } else {
                deadlineFired = true;
            }
            return true;
        }
        return false;
    }

    private static final class Interrupt extends AVIOInterruptCB.Callback_Pointer {
        Interrupt() {
            retainReference();
        }

        @Override
        public int call(Pointer opaque) {
            try {
                RtspSource source = OPEN.get(new LongPointer(opaque).get());
                return source != null && source.shouldInterrupt() ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.warn("interrupt callback failed: {}", e.toString());
                return 0;
            }
        }
    }
}
