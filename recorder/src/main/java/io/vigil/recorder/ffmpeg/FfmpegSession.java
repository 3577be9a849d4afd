package io.vigil.recorder.ffmpeg;

import io.vigil.recorder.SessionContext;
import io.vigil.recorder.StreamError;
import io.vigil.recorder.StreamSession;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVStream;

/** One camera session of the FFmpeg engine: its {@link RtspSource}, the {@link Fmp4Muxer} of its tracks and, while it records, its {@link SessionIngest}. */
final class FfmpegSession implements StreamSession {

    private final RtspSource source;
    private final Fmp4Muxer muxer;
    private volatile SessionIngest ingest;

    private FfmpegSession(RtspSource source, Fmp4Muxer muxer) {
        this.source = source;
        this.muxer = muxer;
    }

    /** Takes {@code source} over: closes it if the muxer cannot be made. */
    static FfmpegSession of(RtspSource source) throws StreamError {
        try {
            AVStream audio = source.audio();
            Fmp4Muxer muxer = audio == null ? new Fmp4Muxer(source.video()) : new Fmp4Muxer(source.video(), audio);
            return new FfmpegSession(source, muxer);
        } catch (StreamError | RuntimeException e) {
            source.close();
            throw e;
        }
    }

    @Override
    public String videoCodec() {
        return RtspSource.codecName(source.video().codecpar());
    }

    @Override
    public String audioCodec() {
        return source.audio() == null
                ? null
                : RtspSource.codecName(source.audio().codecpar());
    }

    @Override
    public String resolution() {
        AVCodecParameters par = source.video().codecpar();
        return par.width() + "x" + par.height();
    }

    @Override
    public String ignoredAudioCodec() {
        return source.ignoredAudioCodec();
    }

    @Override
    public String run(SessionContext context) {
        if (ingest != null) {
            throw new IllegalStateException("a session runs once");
        }
        ingest = new SessionIngest(context, source, muxer);
        return ingest.run();
    }

    @Override
    public void requestStop() {
        source.requestStop();
    }

    @Override
    public long segments() {
        SessionIngest running = ingest;
        return running == null ? 0 : running.segments();
    }

    @Override
    public int timestampRepairs() {
        SessionIngest running = ingest;
        return running == null ? 0 : running.timestampRepairs();
    }

    @Override
    public void close() {
        SessionIngest running = ingest;
        if (running != null) {
            running.close();
        }
        muxer.close();
        source.close();
    }
}
